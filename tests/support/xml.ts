/**
 * A strict XML 1.0 well-formedness check for tests (no dependency reads XML here): one root,
 * elements closed in order, attributes quoted and unique, only the five named entities or
 * character references, no bare `<` or `&`, no character XML forbids. Throws on the first fault.
 */
export function checkWellFormedXml(text: string): void {
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  if (text.startsWith('<?xml')) i = text.indexOf('?>') + 2;
  const name = /^[A-Za-z_][\w.:-]*/;
  const checkText = (chunk: string, at: number) => {
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(chunk)) throw new Error(`a forbidden character near ${at}`);
    const amp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(chunk);
    if (amp) throw new Error(`a bare & near ${at + amp.index}`);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    checkText(chunk, i);
    if (open.length === 0 && chunk.trim() !== '') throw new Error(`text outside the root near ${i}`);
    if (lt === -1) break;
    const gt = text.indexOf('>', lt);
    if (gt === -1) throw new Error(`an unclosed tag at ${lt}`);
    const tag = text.slice(lt + 1, gt);
    if (tag.includes('<')) throw new Error(`a < inside a tag at ${lt}`);
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      if (open.pop() !== closing) throw new Error(`</${closing}> closes the wrong element at ${lt}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const element = name.exec(body)?.[0];
      if (!element) throw new Error(`a tag without a name at ${lt}`);
      let rest = body.slice(element.length);
      const seen = new Set<string>();
      for (;;) {
        rest = rest.replace(/^\s+/, '');
        if (!rest) break;
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest);
        if (!attribute) throw new Error(`a malformed attribute in <${element}> at ${lt}`);
        if (seen.has(attribute[1]!)) throw new Error(`a repeated attribute ${attribute[1]} at ${lt}`);
        seen.add(attribute[1]!);
        checkText(attribute[3] ?? attribute[4] ?? '', lt);
        rest = rest.slice(attribute[0].length);
      }
      if (open.length === 0) roots++;
      if (!selfClosing) open.push(element);
    }
    i = gt + 1;
  }
  if (open.length) throw new Error(`<${open.at(-1)}> is never closed`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}
