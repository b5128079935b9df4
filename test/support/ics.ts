/** A strict little RFC 5545 reader for tests: unfolds lines and nests components. */
export interface Component {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: Component[];
}

export function parseIcs(text: string): Component {
  if (!text.endsWith("\r\n")) throw new Error("content lines must end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    if (new TextEncoder().encode(line).length > 75) throw new Error(`line over 75 octets: ${line}`);
    if (line.includes("\n")) throw new Error("bare LF inside a line");
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: Component[] = [{ name: "ROOT", props: [], children: [] }];
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name = "", params = "", value = ""] = match;
    const top = stack[stack.length - 1] as Component;
    if (name === "BEGIN") {
      const child = { name: value, props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === "END") {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      top.props.push({ name, params, value });
    }
  }
  const root = stack[0] as Component;
  if (stack.length !== 1 || root.children.length !== 1) throw new Error("unbalanced components");
  return root.children[0] as Component;
}

export const prop = (c: Component, name: string) => c.props.find((p) => p.name === name)?.value;
