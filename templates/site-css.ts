/** The whole stylesheet: small, no web fonts, no CDN. Served from /assets/site.css. */
export const SITE_CSS = `
:root{--ink:#1d232b;--muted:#56606b;--line:#d9dee4;--bg:#f6f7f9;--card:#fff;--accent:#0b5cad;--ok:#1c6b36;--ok-bg:#e6f4ea;--warn:#8a1c1c;--warn-bg:#fdecea;--note:#6b4e00;--note-bg:#fff6d6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.site-header{background:#12263f;color:#fff}
.site-header .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;padding:.75rem 1rem}
.site-header a{color:#fff;text-decoration:none}
.brand{font-weight:700;font-size:1.15rem;margin-right:auto}
.site-header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.wrap{max-width:52rem;margin:0 auto;padding:1rem}
main.wrap{padding-top:1.5rem;padding-bottom:3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0 .75rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:0 0 1rem}
.card h2{margin:.1rem 0 .4rem;font-size:1.15rem}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 .4rem}
.tags{display:flex;flex-wrap:wrap;gap:.35rem;padding:0;margin:.4rem 0;list-style:none}
.tags li{background:var(--note-bg);color:var(--note);border-radius:999px;padding:.05rem .6rem;font-size:.85rem}
.contacts dt{font-weight:600;margin-top:.6rem}
.contacts dd{margin:.15rem 0 0}
.contacts ul{margin:0;padding-left:1.1rem}
.tips li{margin:.3rem 0}
.fake{font-family:ui-monospace,Menlo,Consolas,monospace;background:var(--warn-bg);color:var(--warn);padding:0 .3rem;border-radius:4px;word-break:break-all}
.official{color:var(--ok)}
.empty{color:var(--muted);font-style:italic}
.verdict{border-radius:10px;padding:1rem 1.1rem;margin:1rem 0;font-size:1.1rem;border:2px solid}
.verdict h2{margin-top:0}
.verdict-suspicious{background:var(--warn-bg);border-color:var(--warn);color:var(--warn)}
.verdict-official-contacts{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.verdict-unknown{background:var(--note-bg);border-color:var(--note);color:var(--note)}
.finding{border-left:4px solid var(--line);padding:.3rem .8rem;margin:.6rem 0;background:var(--card)}
.finding-official{border-color:var(--ok)}
.finding-lookalike,.finding-not-official{border-color:var(--warn)}
label{display:block;font-weight:600;margin:.8rem 0 .25rem}
input[type=text],input[type=email],textarea{width:100%;font:inherit;padding:.55rem .6rem;border:1px solid #aab3bd;border-radius:6px;background:#fff}
textarea{min-height:9rem}
button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:6px;padding:.55rem 1.1rem;margin-top:.8rem;cursor:pointer}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.error{background:var(--warn-bg);color:var(--warn);border-radius:6px;padding:.6rem .8rem}
.subscribe{margin-top:2.5rem}
.choice{font-weight:400}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
@media (max-width:32rem){h1{font-size:1.4rem}.wrap{padding:.75rem}}
`

/** A shield with an exclamation mark; served as the site icon. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 4 6v9c0 7.5 5.1 13.3 12 15 6.9-1.7 12-7.5 12-15V6z" fill="#12263f"/><path d="M14.5 8h3l-.5 11h-2zM16 21.5a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z" fill="#f5a623"/></svg>`
