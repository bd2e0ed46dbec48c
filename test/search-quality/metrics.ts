// nDCG@k with exponential gains over every grade, and recall@k of the clearly relevant items
// (grade 2 or 3), capped at k: a query with 40 of them cannot be blamed for showing only 10.

export function ndcgAt(k: number, ranked: readonly number[], allGrades: readonly number[]): number {
  const dcg = (grades: readonly number[]) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}

export function recallAt(k: number, ranked: readonly number[], allGrades: readonly number[]): number {
  const relevant = allGrades.filter((g) => g >= 2).length;
  if (relevant === 0) return 0;
  return ranked.slice(0, k).filter((g) => g >= 2).length / Math.min(k, relevant);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
