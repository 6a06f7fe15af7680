// The uploads' admission (src/server/calls/admission.ts): a few at once, the others waiting in order
// before their bodies are read; a place is given back once, whether the request was answered or its
// client went away, also while it waited.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { admission } from '../../src/server/calls/admission';

const request = () => ({}) as FastifyRequest;
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('admission of uploads', () => {
  it('lets in as many as it has places, the rest in the order they came as places free up', async () => {
    const gate = admission(2);
    const [a, b, c, d] = [request(), request(), request(), request()];
    const order: string[] = [];
    const enter = (r: FastifyRequest, name: string) => gate.enter(r).then(() => order.push(name));
    void enter(a, 'a');
    void enter(b, 'b');
    void enter(c, 'c');
    void enter(d, 'd');
    await settled();
    expect(order).toEqual(['a', 'b']);
    expect([gate.inside, gate.waiting]).toEqual([2, 2]);
    gate.leave(b);
    gate.leave(b); // answered and then aborted: given back once
    await settled();
    expect(order).toEqual(['a', 'b', 'c']);
    expect([gate.inside, gate.waiting]).toEqual([2, 1]);
    gate.leave(a);
    gate.leave(c);
    await settled();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    gate.leave(d);
    expect([gate.inside, gate.waiting]).toEqual([0, 0]);
  });

  it('gives on the place of a request whose client went away while it waited', async () => {
    const gate = admission(1);
    const [a, b, c] = [request(), request(), request()];
    let cIn = false;
    void gate.enter(a);
    void gate.enter(b);
    void gate.enter(c).then(() => (cIn = true));
    await settled();
    gate.leave(b); // b's client went away while it waited
    gate.leave(a);
    await settled();
    expect(cIn).toBe(true);
    expect([gate.inside, gate.waiting]).toEqual([1, 0]);
    gate.leave(c);
    expect(gate.inside).toBe(0);
  });
});
