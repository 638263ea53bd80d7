/**
 * Numbers, smallest out first. Written here because a binary heap is a few lines and no heap
 * package is among the project's dependencies; used to replay the context rules' passes in order.
 */
export class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    let k = items.push(value) - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (items[parent]! <= value) break;
      items[k] = items[parent]!;
      k = parent;
    }
    items[k] = value;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && items[child + 1]! < items[child]!) child++;
      if (items[child]! >= last) break;
      items[k] = items[child]!;
      k = child;
    }
    items[k] = last;
    return top;
  }
}
