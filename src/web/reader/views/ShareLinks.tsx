// Share links: plain links that work without JavaScript. The copy link is upgraded by enhance.js.
import type { Messages } from '../../../core/i18n.ts';
import type { ShareLinkView } from '../view-models.ts';

function ShareLink({ link, t }: { link: ShareLinkView; t: Messages }) {
  const cls = `share-link share-${link.network}`;
  if (link.network === 'copy') {
    return (
      <a class={cls} href={link.href} data-copy="" data-copied={t.linkCopied}>
        {link.label}
      </a>
    );
  }
  if (link.network === 'email') {
    return (
      <a class={cls} href={link.href}>
        {link.label}
      </a>
    );
  }
  // The network's name is what fits on a phone button; the full "share on X" is read aloud.
  const name = link.label.startsWith(t.shareOn) ? link.label.slice(t.shareOn.length).trim() : link.label;
  return (
    <a class={cls} href={link.href} rel="noopener" target="_blank">
      {name === link.label ? (
        link.label
      ) : (
        <>
          <span class="visually-hidden">{t.shareOn} </span>
          {name}
        </>
      )}
    </a>
  );
}

export function ShareLinks({ links, t }: { links: ShareLinkView[]; t: Messages }) {
  if (links.length === 0) return null;
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share-title">
        {t.share}
      </h2>
      <ul class="share-list">
        {links.map((link) => (
          <li key={link.network}>
            <ShareLink link={link} t={t} />
          </li>
        ))}
      </ul>
    </section>
  );
}
