// The article list's bulk form. It works without this script (tick rows, choose, apply); with
// it, a header checkbox ticks or clears every row of the page (and shows "some" when only some
// are ticked), and only the field the chosen action needs (section or tag) is shown.
(() => {
  const form = document.querySelector('form[data-bulk]');
  if (!form) return;
  const all = form.querySelector('input[data-select-all]');
  const rows = Array.from(form.querySelectorAll('input[name="ids"]'));
  if (all && rows.length > 0) {
    all.hidden = false;
    const sync = () => {
      const ticked = rows.filter((box) => box.checked).length;
      all.checked = ticked === rows.length;
      all.indeterminate = ticked > 0 && ticked < rows.length;
    };
    all.addEventListener('change', () => {
      for (const box of rows) box.checked = all.checked;
      sync();
    });
    for (const box of rows) box.addEventListener('change', sync);
    sync();
  }
  const action = form.querySelector('select[data-bulk-action]');
  const extras = Array.from(form.querySelectorAll('[data-bulk-for]'));
  if (action) {
    const show = () => {
      for (const field of extras) field.hidden = field.dataset.bulkFor !== action.value;
    };
    action.addEventListener('change', show);
    show();
  }
})();
