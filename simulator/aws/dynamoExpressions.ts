// DynamoDB expressions on items in DynamoDB JSON: condition (and filter, key condition)
// expressions and update expressions, for top-level attributes. Paths into maps and lists
// (a.b, a[0]) are not supported and fail as a ValidationException would.
import type { AttributeValue } from 'aws-lambda';

export type Item = Record<string, AttributeValue>;
export interface ExpressionContext {
  names: Record<string, string>;
  values: Record<string, AttributeValue>;
}

export class ExpressionError extends Error {}

type Tok = { kind: 'name' | 'value' | 'op' | 'word'; text: string };

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(<>|<=|>=|[=<>(),+\-])|(:[A-Za-z0-9_]+)|(#[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*))/y;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(text.slice(i))) break;
      throw new ExpressionError(`Invalid expression: Syntax error; token: "${text.slice(i).trim().slice(0, 10)}"`);
    }
    i = re.lastIndex;
    if (m[1]) out.push({ kind: 'op', text: m[1] });
    else if (m[2]) out.push({ kind: 'value', text: m[2] });
    else {
      const upper = m[3].toUpperCase();
      const word = ['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE'].includes(upper);
      out.push(word ? { kind: 'word', text: upper } : { kind: 'name', text: m[3] });
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly ctx: ExpressionContext) {}
  peek(): Tok | undefined { return this.toks[this.i]; }
  done(): boolean { return this.i >= this.toks.length; }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new ExpressionError('Invalid expression: unexpected end of input');
    return t;
  }
  accept(text: string): boolean {
    const t = this.peek();
    if (t && (t.kind === 'op' || t.kind === 'word') && t.text === text) { this.i++; return true; }
    return false;
  }
  expect(text: string): void {
    if (!this.accept(text)) throw new ExpressionError(`Invalid expression: expected "${text}"`);
  }
  /** An attribute name, #placeholders resolved. */
  path(): string {
    const t = this.next();
    if (t.kind !== 'name') throw new ExpressionError(`Invalid expression: expected an attribute name, got "${t.text}"`);
    if (!t.text.startsWith('#')) return t.text;
    const name = this.ctx.names[t.text];
    if (name === undefined) throw new ExpressionError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${t.text}}`);
    return name;
  }
  value(text: string): AttributeValue {
    const v = this.ctx.values[text];
    if (v === undefined) throw new ExpressionError(`Invalid expression: An expression attribute value used in expression is not defined; attribute value: ${text}`);
    return v;
  }
}

const numberOf = (v: AttributeValue | undefined) => (v && v.N !== undefined ? Number(v.N) : NaN);

function compare(a: AttributeValue | undefined, b: AttributeValue | undefined): number | undefined {
  if (!a || !b) return undefined;
  if (a.N !== undefined && b.N !== undefined) return Number(a.N) - Number(b.N);
  if (a.S !== undefined && b.S !== undefined) return a.S < b.S ? -1 : a.S > b.S ? 1 : 0;
  return JSON.stringify(a) === JSON.stringify(b) ? 0 : undefined;
}

/** An operand: a path, a :value or size(path). */
function operand(p: Parser, item: Item): AttributeValue | undefined {
  const t = p.peek();
  if (t?.kind === 'value') return p.value(p.next().text);
  if (t?.kind === 'name' && t.text === 'size') {
    p.next(); p.expect('(');
    const v = item[p.path()];
    p.expect(')');
    if (!v) return undefined;
    const n = v.S !== undefined ? new TextEncoder().encode(v.S).length : v.L ? v.L.length : v.M ? Object.keys(v.M).length : v.SS ? v.SS.length : 0;
    return { N: String(n) };
  }
  return item[p.path()];
}

const FUNCTIONS = ['attribute_exists', 'attribute_not_exists', 'begins_with', 'contains', 'attribute_type'];

function primary(p: Parser, item: Item): boolean {
  if (p.accept('(')) {
    const r = orExpr(p, item);
    p.expect(')');
    return r;
  }
  const t = p.peek();
  if (t?.kind === 'name' && FUNCTIONS.includes(t.text)) {
    p.next(); p.expect('(');
    const attr = item[p.path()];
    let arg: AttributeValue | undefined;
    if (p.accept(',')) arg = operand(p, item);
    p.expect(')');
    if (t.text === 'attribute_exists') return attr !== undefined;
    if (t.text === 'attribute_not_exists') return attr === undefined;
    if (t.text === 'begins_with') return attr?.S !== undefined && arg?.S !== undefined && attr.S.startsWith(arg.S);
    if (t.text === 'attribute_type') return attr !== undefined && arg?.S !== undefined && arg.S in attr;
    return (attr?.S !== undefined && arg?.S !== undefined && attr.S.includes(arg.S)) ||
      (!!attr?.SS && arg?.S !== undefined && attr.SS.includes(arg.S)) || (!!attr?.L && !!arg && attr.L.some((x) => compare(x, arg) === 0));
  }
  const left = operand(p, item);
  if (p.accept('BETWEEN')) {
    const lo = operand(p, item); p.expect('AND'); const hi = operand(p, item);
    const a = compare(left, lo); const b = compare(left, hi);
    return a !== undefined && b !== undefined && a >= 0 && b <= 0;
  }
  if (p.accept('IN')) {
    p.expect('(');
    let found = false;
    do { if (compare(left, operand(p, item)) === 0) found = true; } while (p.accept(','));
    p.expect(')');
    return found;
  }
  const op = p.next().text;
  const c = compare(left, operand(p, item));
  if (op === '<>') return c !== 0;
  if (c === undefined) return false;
  switch (op) {
    case '=': return c === 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
    default: throw new ExpressionError(`Invalid expression: Syntax error; token: "${op}"`);
  }
}

function notExpr(p: Parser, item: Item): boolean {
  return p.accept('NOT') ? !notExpr(p, item) : primary(p, item);
}
function andExpr(p: Parser, item: Item): boolean {
  let r = notExpr(p, item);
  while (p.accept('AND')) r = notExpr(p, item) && r;
  return r;
}
function orExpr(p: Parser, item: Item): boolean {
  let r = andExpr(p, item);
  while (p.accept('OR')) r = andExpr(p, item) || r;
  return r;
}

/** Does the item satisfy the condition (ConditionExpression, FilterExpression, KeyConditionExpression)? */
export function evaluateCondition(expression: string, item: Item, ctx: ExpressionContext): boolean {
  const p = new Parser(tokenize(expression), ctx);
  const r = orExpr(p, item);
  if (!p.done()) throw new ExpressionError(`Invalid expression: Syntax error; token: "${p.peek()!.text}"`);
  return r;
}

/** A SET value: operand, if_not_exists(path, v), list_append(a, b), or a + / - b. */
function setValue(p: Parser, item: Item): AttributeValue | undefined {
  const term = (): AttributeValue | undefined => {
    const t = p.peek();
    if (t?.kind === 'name' && (t.text === 'if_not_exists' || t.text === 'list_append')) {
      p.next(); p.expect('(');
      const a = t.text === 'if_not_exists' ? item[p.path()] : term();
      p.expect(',');
      const b = term();
      p.expect(')');
      if (t.text === 'if_not_exists') return a ?? b;
      return { L: [...(a?.L ?? []), ...(b?.L ?? [])] };
    }
    return operand(p, item);
  };
  const left = term();
  const sign = p.accept('+') ? 1 : p.accept('-') ? -1 : 0;
  if (sign !== 0) {
    const right = term();
    const a = numberOf(left); const b = numberOf(right);
    if (Number.isNaN(a) || Number.isNaN(b)) throw new ExpressionError('An operand in the update expression has an incorrect data type');
    return { N: String(a + sign * b) };
  }
  return left;
}

/** Applies an UpdateExpression (SET, REMOVE, ADD, DELETE) to a copy of the item. */
export function applyUpdate(expression: string, item: Item, ctx: ExpressionContext): Item {
  const p = new Parser(tokenize(expression), ctx);
  const out: Item = { ...item };
  while (!p.done()) {
    const clause = p.next();
    if (clause.kind !== 'word') throw new ExpressionError(`Invalid UpdateExpression: Syntax error; token: "${clause.text}"`);
    do {
      const name = p.path();
      if (clause.text === 'SET') {
        p.expect('=');
        const v = setValue(p, item);
        if (v === undefined) throw new ExpressionError('The provided expression refers to an attribute that does not exist in the item');
        out[name] = v;
      } else if (clause.text === 'REMOVE') delete out[name];
      else if (clause.text === 'ADD') {
        const v = operand(p, item)!;
        const cur = out[name];
        if (v.N !== undefined) out[name] = { N: String((cur ? numberOf(cur) : 0) + Number(v.N)) };
        else if (v.SS) out[name] = { SS: [...new Set([...(cur?.SS ?? []), ...v.SS])] };
        else if (v.NS) out[name] = { NS: [...new Set([...(cur?.NS ?? []), ...v.NS])] };
      } else if (clause.text === 'DELETE') {
        const v = operand(p, item)!;
        if (out[name]?.SS && v.SS) out[name] = { SS: out[name].SS!.filter((x) => !v.SS!.includes(x)) };
      } else throw new ExpressionError(`Invalid UpdateExpression: Syntax error; token: "${clause.text}"`);
    } while (p.accept(','));
  }
  return out;
}
