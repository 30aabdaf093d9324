/**
 * CloudBase security-rule expressions (cloudbase-deploy.md §4), evaluated for direct client access:
 * booleans, strings, numbers, null, arrays; the variables auth.*, doc.*, request.*, resource.*, now;
 * `== != > >= < <= in && || !`, parentheses, and `/regex/.test(value)` (storage path rules). Anything else —
 * get('database...') included — is a parse error, and an error denies, as an unknown expression would.
 */
export type RuleValue = boolean | string;
export type RuleContext = Record<string, unknown>;

type Token = { t: 'op' | 'num' | 'str' | 'id' | 're'; v: string };

const OPERATORS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '(', ')', '[', ']', '.', ','];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const regexAllowed = () => {
    const last = tokens.at(-1);
    return !last || (last.t === 'op' && last.v !== ')' && last.v !== ']');
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && (text[j] !== '/' || inClass)) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      if (j >= text.length) throw new Error('unterminated regex');
      let k = j + 1;
      while (k < text.length && /[gimsuy]/.test(text[k])) k++;
      tokens.push({ t: 're', v: text.slice(i, k) });
      i = k;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') j++;
        value += text[j++];
      }
      if (j >= text.length) throw new Error('unterminated string');
      tokens.push({ t: 'str', v: value });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num && (c !== '-' || regexAllowed())) {
      tokens.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
    if (id) {
      tokens.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new Error(`unexpected "${c}"`);
    tokens.push({ t: 'op', v: op });
    i += op.length;
  }
  return tokens;
}

type Node = (ctx: RuleContext) => unknown;

function parse(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (v?: string) => {
    const tok = tokens[pos];
    return tok && (v === undefined || (tok.t === 'op' && tok.v === v)) ? tok : undefined;
  };
  const expect = (v: string) => {
    if (!peek(v)) throw new Error(`expected ${v}`);
    pos++;
  };
  /** A left-associative chain of one logical operator over `next`. */
  const chain = (op: '||' | '&&', next: () => Node): Node => {
    let left = next();
    while (peek(op)) {
      pos++;
      const a = left;
      const b = next();
      left = op === '||' ? (ctx) => truthy(a(ctx)) || truthy(b(ctx)) : (ctx) => truthy(a(ctx)) && truthy(b(ctx));
    }
    return left;
  };
  const or = (): Node => chain('||', and);
  const and = (): Node => chain('&&', unary);
  const unary = (): Node => {
    if (peek('!')) {
      pos++;
      const inner = unary();
      return (ctx) => !truthy(inner(ctx));
    }
    return comparison();
  };
  const comparison = (): Node => {
    const left = primary();
    const tok = tokens[pos];
    const op = tok && ((tok.t === 'op' && ['==', '!=', '>', '>=', '<', '<='].includes(tok.v)) || (tok.t === 'id' && tok.v === 'in')) ? tok.v : null;
    if (!op) return left;
    pos++;
    const right = primary();
    return (ctx) => compare(op, left(ctx), right(ctx));
  };
  const primary = (): Node => {
    const tok = tokens[pos++];
    if (!tok) throw new Error('unexpected end');
    let node: Node;
    if (tok.t === 'op' && tok.v === '(') {
      node = or();
      expect(')');
    } else if (tok.t === 'op' && tok.v === '[') {
      const items: Node[] = [];
      while (!peek(']')) {
        items.push(or());
        if (!peek(']')) expect(',');
      }
      pos++;
      node = (ctx) => items.map((item) => item(ctx));
    } else if (tok.t === 'num') {
      const n = Number(tok.v);
      node = () => n;
    } else if (tok.t === 'str') {
      node = () => tok.v;
    } else if (tok.t === 're') {
      const last = tok.v.lastIndexOf('/');
      const re = new RegExp(tok.v.slice(1, last), tok.v.slice(last + 1));
      expect('.');
      const method = tokens[pos++];
      if (!method || method.v !== 'test') throw new Error('only /regex/.test(value) is supported');
      expect('(');
      const arg = or();
      expect(')');
      return (ctx) => {
        const value = arg(ctx);
        return typeof value === 'string' && re.test(value);
      };
    } else if (tok.t === 'id') {
      if (tok.v === 'true' || tok.v === 'false') {
        const b = tok.v === 'true';
        return () => b;
      }
      if (tok.v === 'null') return () => null;
      if (peek('(')) throw new Error(`function ${tok.v}() is not supported by the emulator`);
      const name = tok.v;
      node = (ctx) => ctx[name];
    } else throw new Error(`unexpected ${tok.v}`);
    // member access: a.b, a[expr]
    for (;;) {
      if (peek('.')) {
        pos++;
        const prop = tokens[pos++];
        if (!prop || prop.t !== 'id') throw new Error('expected a property name');
        const base = node;
        node = (ctx) => member(base(ctx), prop.v);
      } else if (peek('[')) {
        pos++;
        const key = or();
        expect(']');
        const base = node;
        node = (ctx) => member(base(ctx), String(key(ctx)));
      } else return node;
    }
  };
  const root = or();
  if (pos !== tokens.length) throw new Error(`unexpected ${tokens[pos].v}`);
  return root;
}

function member(base: unknown, prop: string): unknown {
  if (base === null || typeof base !== 'object' || !Object.prototype.hasOwnProperty.call(base, prop)) return undefined;
  return (base as Record<string, unknown>)[prop];
}

const truthy = (value: unknown) => value === true;

function compare(op: string, a: unknown, b: unknown): boolean {
  if (op === 'in') return Array.isArray(b) && a !== undefined && b.some((item) => item === a);
  // an unknown value (a field the query does not pin) satisfies no comparison
  if (a === undefined || b === undefined) return false;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default: {
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
      if (op === '>') return a > b;
      if (op === '>=') return a >= b;
      if (op === '<') return a < b;
      return a <= b;
    }
  }
}

const cache = new Map<string, Node>();

/** True when the rule allows; a rule the emulator cannot parse denies (and says why on stderr once). */
export function allows(rule: RuleValue | undefined, ctx: RuleContext): boolean {
  if (rule === undefined || rule === false) return false;
  if (rule === true) return true;
  let node = cache.get(rule);
  if (!node) {
    try {
      node = parse(rule);
    } catch (error) {
      console.error(`security rule not understood, denied: ${rule} (${(error as Error).message})`);
      node = () => false;
    }
    cache.set(rule, node);
  }
  try {
    return node(ctx) === true;
  } catch {
    return false;
  }
}

/** Checks a rule parses (for tests of declared rules). */
export function parseRule(rule: RuleValue): void {
  if (typeof rule === 'string') parse(rule);
}
