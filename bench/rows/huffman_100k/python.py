# The textbook heapq Huffman for the same 100,000 Zipf probabilities; prints the mean length.
import heapq
import itertools

n = 100_000
w = [1 / k for k in range(1, n + 1)]
s = sum(w)
p = [x / s for x in w]
counter = itertools.count()
heap = [(q, next(counter), i) for i, q in sorted(enumerate(p), key=lambda t: (t[1], t[0]))]
heapq.heapify(heap)
parent = [0] * (2 * n - 1)
node = n
while len(heap) > 1:
    a = heapq.heappop(heap)
    b = heapq.heappop(heap)
    parent[a[2]] = parent[b[2]] = node
    heapq.heappush(heap, (a[0] + b[0], next(counter), node))
    node += 1
root = node - 1
depth = [0] * (2 * n - 1)
for k in range(root - 1, -1, -1):
    depth[k] = depth[parent[k]] + 1
print(sum(p[i] * depth[i] for i in range(n)))
