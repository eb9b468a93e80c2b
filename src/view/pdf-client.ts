// The script of a PDF's report page, as the browser runs it (an ES module, no template literals,
// so that it can sit in a string here). pdf.js, carried inline in the page, draws each page into
// its canvas when the page scrolls near the window; the value boxes are the page's own markup,
// placed by the server. A click on a marked value in the text (or Enter on it) scrolls its box on
// the page into view and makes it flash; each box is a link back to its line.

export const PDF_SCRIPT = String.raw`
const status = document.getElementById('pdf-status');
const say = function (text) { if (status) status.textContent = text; };
const lib = globalThis.pdfjsLib;
const encoded = document.getElementById('pdf-data').textContent.trim();
const binary = atob(encoded);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
const views = Array.prototype.slice.call(document.querySelectorAll('.pdf-page'));
let loading = null;
function open() {
  // No font faces (the page allows no fonts from data), no code made from the document, nothing fetched.
  loading = loading || lib.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  return loading;
}
async function draw(view) {
  if (view.getAttribute('data-drawn')) return;
  view.setAttribute('data-drawn', 'pending');
  try {
    const doc = await open();
    const page = await doc.getPage(Number(view.getAttribute('data-page')));
    const base = page.getViewport({ scale: 1 });
    const scale = (view.clientWidth / base.width) * (window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale: scale });
    const canvas = view.querySelector('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas: canvas, canvasContext: canvas.getContext('2d'), viewport: viewport }).promise;
    view.setAttribute('data-drawn', 'yes');
    say('');
  } catch (err) {
    view.setAttribute('data-drawn', 'failed');
    say('pdf.js could not draw the page: ' + (err && err.message ? err.message : err));
  }
}
const seen = new IntersectionObserver(function (entries) {
  entries.forEach(function (e) { if (e.isIntersecting) draw(e.target); });
}, { rootMargin: '600px 0px' });
views.forEach(function (v) { seen.observe(v); });

function show(mark) {
  const paths = (mark.getAttribute('data-path') || '').split(' ');
  let box = null;
  for (let i = 0; i < paths.length && !box; i++) box = document.querySelector('.pdf-page .box[data-path~="' + CSS.escape(paths[i]) + '"]');
  if (!box) return;
  draw(box.parentElement);
  box.scrollIntoView({ block: 'center', behavior: 'instant' });
  box.classList.remove('hit');
  void box.offsetWidth;
  box.classList.add('hit');
}
document.addEventListener('click', function (ev) {
  const mark = ev.target.closest('mark.v[data-path]');
  if (mark) show(mark);
});
document.addEventListener('keydown', function (ev) {
  if (ev.key !== 'Enter') return;
  const mark = ev.target.closest && ev.target.closest('mark.v[data-path]');
  if (mark) show(mark);
});
`;
