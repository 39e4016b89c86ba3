/**
 * The whole stylesheet: small, no web fonts, no CDN. Served from /assets/site.css.
 * Colours are variables so dark mode (prefers-color-scheme) only swaps the palette; both
 * palettes pass WCAG AA contrast (axe checks them in the browser tests).
 */
export const SITE_CSS = `
:root{color-scheme:light dark;--ink:#1d232b;--muted:#56606b;--line:#d9dee4;--bg:#f6f7f9;--card:#fff;--field:#fff;--field-line:#6b7681;--accent:#0b5cad;--button:#0b5cad;--button-ink:#fff;--bar:#12263f;--bar-ink:#fff;--ok:#1c6b36;--ok-bg:#e6f4ea;--warn:#8a1c1c;--warn-bg:#fdecea;--note:#6b4e00;--note-bg:#fff6d6;--focus:#f5a623}
@media (prefers-color-scheme:dark){:root{--ink:#e4e8ec;--muted:#aab4bf;--line:#38424d;--bg:#12161b;--card:#1b2128;--field:#12161b;--field-line:#8a96a3;--accent:#8cc4ff;--button:#8cc4ff;--button-ink:#0c1420;--bar:#0a1828;--bar-ink:#fff;--ok:#86d89a;--ok-bg:#132a1a;--warn:#ffaba3;--warn-bg:#3a1715;--note:#f1d27f;--note-bg:#33290d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
main:focus{outline:none}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip-link{position:absolute;left:.5rem;top:-4rem;z-index:10;background:var(--card);color:var(--accent);padding:.5rem .8rem;border-radius:6px;font-weight:600}
.skip-link:focus{top:.5rem}
.site-header{background:var(--bar);color:var(--bar-ink)}
.site-header a{color:var(--bar-ink);text-decoration:none}
.site-header a:hover,.site-header a[aria-current=page]{text-decoration:underline;text-underline-offset:.3em}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.1rem;margin-right:auto;white-space:nowrap}
.brand img{display:block;width:28px;height:28px}
.site-header nav{display:flex;gap:1rem;white-space:nowrap}
.site-search{flex:1 1 100%}
.search-row{display:flex;gap:.4rem;align-items:stretch}
.search-row input[type=search]{flex:1 1 auto;min-width:0;width:auto}
.search-row button{margin:0;flex:none}
.site-search input[type=search]{padding:.3rem .5rem}
.site-search button{padding:.3rem .8rem}
.search-form label{margin-top:0}
.answer{font-weight:600}
.wrap{max-width:52rem;margin:0 auto;padding:1rem}
main.wrap{padding-top:1.5rem;padding-bottom:3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0 .75rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:0 0 1rem}
.card h2{margin:.1rem 0 .4rem;font-size:1.15rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .4rem}
.tags{display:flex;flex-wrap:wrap;gap:.35rem;padding:0;margin:.4rem 0;list-style:none}
.tags li{background:var(--note-bg);color:var(--note);border-radius:999px;padding:.05rem .6rem;font-size:.85rem}
.draft-badge{display:inline-block;border:2px solid var(--note);background:var(--note-bg);color:var(--note);border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;vertical-align:middle;line-height:1.5}
.draft-note{background:var(--note-bg);color:var(--note);border-radius:6px;padding:.5rem .8rem}
.preview-banner{background:var(--note-bg);color:var(--note);border-bottom:3px solid var(--note);font-weight:600}
.preview-banner p{margin-top:0;margin-bottom:0;padding-top:.5rem;padding-bottom:.5rem}
.contacts dt{font-weight:600;margin-top:.6rem}
.contacts dd{margin:.15rem 0 0}
.contacts ul{margin:0;padding-left:1.1rem}
.tips li,.steps li{margin:.3rem 0}
.steps li{margin-bottom:.8rem}
.fake{font-family:ui-monospace,Menlo,Consolas,monospace;background:var(--warn-bg);color:var(--warn);padding:0 .3rem;border-radius:4px;word-break:break-all}
.official,a.official{color:var(--ok);font-weight:700}
.empty{color:var(--muted);font-style:italic}
.callout{border-left:4px solid var(--warn);background:var(--card);padding:.8rem 1rem;margin:1.5rem 0;border-radius:0 8px 8px 0}
.callout p{margin:.2rem 0}
.verdict{border-radius:10px;padding:1rem 1.1rem;margin:1rem 0;font-size:1.1rem;border:2px solid}
.verdict h2{margin-top:0}
.verdict a{color:inherit}
.verdict-suspicious{background:var(--warn-bg);border-color:var(--warn);color:var(--warn)}
.verdict-official-contacts{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.verdict-unknown{background:var(--note-bg);border-color:var(--note);color:var(--note)}
.finding{border-left:4px solid var(--line);padding:.3rem .8rem;margin:.6rem 0;background:var(--card)}
.finding-official{border-color:var(--ok)}
.finding-lookalike,.finding-not-official{border-color:var(--warn)}
label{display:block;font-weight:600;margin:.8rem 0 .25rem}
input[type=text],input[type=email],input[type=search],select,textarea{width:100%;font:inherit;color:var(--ink);padding:.55rem .6rem;border:1px solid var(--field-line);border-radius:6px;background:var(--field)}
textarea{min-height:9rem}
button,.button{display:inline-block;font:inherit;background:var(--button);color:var(--button-ink);border:0;border-radius:6px;padding:.55rem 1.1rem;margin-top:.8rem;cursor:pointer;text-decoration:none}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.error{background:var(--warn-bg);color:var(--warn);border-radius:6px;padding:.6rem .8rem}
.subscribe{margin-top:2.5rem}
.choice{font-weight:400}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
.filters div{flex:1 1 12rem}
.filters label{margin-top:0}
.result-count{margin:1rem 0}
.pager{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;margin:1.5rem 0}
.pager a{font-weight:600}
.letters{display:flex;flex-wrap:wrap;gap:.25rem .75rem;padding:0;list-style:none}
.company-list{padding-left:1.1rem}
.feed-url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;word-break:break-all}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
.footer-links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:0 0 .5rem;list-style:none}
@media (max-width:40rem){.nav-long{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
@media (max-width:30rem){h1{font-size:1.4rem}.wrap{padding:.75rem}.bar{padding-top:.5rem;padding-bottom:.5rem}.brand-name{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
@media print{
:root{--ink:#000;--muted:#333;--line:#999;--bg:#fff;--card:#fff;--accent:#000;--ok:#000;--ok-bg:#fff;--warn:#000;--warn-bg:#fff;--note:#000;--note-bg:#fff}
body{font-size:11pt}
.skip-link,.site-header nav,.site-search,.search-form,.subscribe,.filters,.pager,.site-footer nav,.button{display:none}
.site-header{background:none;color:#000;border-bottom:1px solid #000}
.site-header a{color:#000}
.brand-name{position:static;width:auto;height:auto;margin:0;overflow:visible;clip:auto}
.card,.finding,.callout{break-inside:avoid}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
.fake{border:1px solid #000}
}
`

/** A shield with an exclamation mark; served as the site icon. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 4 6v9c0 7.5 5.1 13.3 12 15 6.9-1.7 12-7.5 12-15V6z" fill="#12263f" stroke="#fff" stroke-width="1.5"/><path d="M14.5 8h3l-.5 11h-2zM16 21.5a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z" fill="#f5a623"/></svg>`
