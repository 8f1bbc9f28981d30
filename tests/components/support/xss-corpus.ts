// Stored-XSS payloads for messages, patient names and medical notes. Each one, if interpreted
// as HTML or followed as a link, would set window.__xss, open a dialog or inject an element.

export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'; alert(1)">',
  '<svg onload="window.__xss = \'svg\'"><circle r="5"/></svg>',
  '"><iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__xss=\'link\'">click me</a>',
  'javascript:window.__xss="scheme";alert(1)',
  '<div style="background:url(javascript:alert(1))" onmouseover="window.__xss=\'hover\'">hover</div>',
  '[click](javascript:window.__xss="md") **bold** <b>bold</b>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mxss\'">',
  '{{constructor.constructor("window.__xss=\'tpl\'")()}}',
  'data:text/html,<script>window.__xss="data"</script>',
  `${'Ω≈ç√∫ 😀 ‮RTL‬ '.repeat(40)}<script>window.__xss="long"</script>`,
];
