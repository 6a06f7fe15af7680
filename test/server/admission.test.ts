// The uploads' admission (src/server/calls/admission.ts): bodies let in by the bytes they declare, up to a
// budget, the others waiting in order before their bodies are read; bytes are given back once, whether the
// request was answered or its client went away, also while it waited.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { admission } from '../../src/server/calls/admission';

const request = () => ({}) as FastifyRequest;
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('admission of uploads', () => {
  it('lets in as many bytes as its budget holds, the rest in the order they came as bytes are given back', async () => {
    const gate = admission(100);
    const [a, b, c, d] = [request(), request(), request(), request()];
    const order: string[] = [];
    const enter = (r: FastifyRequest, bytes: number, name: string) =>
      gate.enter(r, bytes).then(() => order.push(name));
    void enter(a, 60, 'a');
    void enter(b, 40, 'b');
    void enter(c, 30, 'c');
    // Small enough to fit, but it came after c: it waits its turn.
    void enter(d, 1, 'd');
    await settled();
    expect(order).toEqual(['a', 'b']);
    expect([gate.inside, gate.waiting]).toEqual([100, 2]);
    gate.leave(b);
    gate.leave(b); // answered and then aborted: given back once
    await settled();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect([gate.inside, gate.waiting]).toEqual([91, 0]);
    for (const r of [a, c, d]) gate.leave(r);
    expect([gate.inside, gate.waiting]).toEqual([0, 0]);
  });

  it('lets many small uploads in together where a few large ones fill it', async () => {
    const gate = admission(20 * 64 * 1024);
    const small = Array.from({ length: 500 }, request);
    await Promise.all(small.map((r) => gate.enter(r, 1_500)));
    expect(gate.waiting).toBe(0);
    for (const r of small) gate.leave(r);
    const large = Array.from({ length: 25 }, request);
    for (const r of large) void gate.enter(r, 64 * 1024);
    await settled();
    expect(gate.waiting).toBe(5);
  });

  it('lets in alone a request larger than the whole budget', async () => {
    const gate = admission(100);
    const [a, b, c] = [request(), request(), request()];
    const order: string[] = [];
    void gate.enter(a, 10).then(() => order.push('a'));
    void gate.enter(b, 500).then(() => order.push('b'));
    void gate.enter(c, 10).then(() => order.push('c'));
    await settled();
    expect(order).toEqual(['a']);
    gate.leave(a);
    await settled();
    expect(order).toEqual(['a', 'b']);
    gate.leave(b);
    await settled();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('gives on the bytes of a request whose client went away while it waited', async () => {
    const gate = admission(10);
    const [a, b, c] = [request(), request(), request()];
    let cIn = false;
    void gate.enter(a, 10);
    void gate.enter(b, 10);
    void gate.enter(c, 10).then(() => (cIn = true));
    await settled();
    gate.leave(b); // b's client went away while it waited
    gate.leave(a);
    await settled();
    expect(cIn).toBe(true);
    expect([gate.inside, gate.waiting]).toEqual([10, 0]);
    gate.leave(c);
    expect(gate.inside).toBe(0);
  });
});
