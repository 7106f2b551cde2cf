// The Python references the tests in this folder cite (run with python3 3.11; fractions and
// heapq from the standard library). Kept here verbatim so every cited figure can be reproduced.
//
// ---- ref.py: heapq Huffman, the two-queue tie rule, the greedy Kraft code, exact Kraft sums,
// ---- brute-force search for a string with two parses.
// """Reference figures for KLSCoding tests (heapq Huffman, exact Kraft sums, brute-force ambiguity)."""
// import heapq, math, itertools
// from fractions import Fraction
//
// def heapq_huffman_lengths(p, D=2):
//     """Textbook heapq Huffman (D-ary with zero dummies). Returns lengths of the real symbols."""
//     n = len(p)
//     if n == 1: return [1]
//     dummies = (D - 1 - (n - 1) % (D - 1)) % (D - 1)
//     cnt = itertools.count()
//     heap = [(q, next(cnt), [i]) for i, q in enumerate(p)] + [(0.0, next(cnt), []) for _ in range(dummies)]
//     heapq.heapify(heap)
//     L = [0] * n
//     while len(heap) > 1:
//         tot, members = 0.0, []
//         for _ in range(D):
//             q, _, m = heapq.heappop(heap); tot += q; members += m
//         for i in members: L[i] += 1
//         heapq.heappush(heap, (tot, next(cnt), members))
//     return L
//
// def two_queue_lengths(p, D=2):
//     """Mirror of the Swift tie rule: leaves sorted by (p, index), dummies first; on equal
//     weight a leaf is taken before an internal node; internal nodes in creation order."""
//     n = len(p)
//     if n == 1: return [1]
//     dummies = (D - 1 - (n - 1) % (D - 1)) % (D - 1)
//     leaves = [(0.0, -1)] * dummies + sorted([(q, i) for i, q in enumerate(p)])
//     leafw = [w for w, _ in leaves]; leafsym = [s for _, s in leaves]
//     nodes = []  # (weight, children: list of ('L', k) or ('N', k))
//     a = b = 0
//     while (len(leaves) - a) + (len(nodes) - b) > 1:
//         tot = 0.0; kids = []
//         for _ in range(D):
//             if a < len(leaves) and (b >= len(nodes) or leafw[a] <= nodes[b][0]):
//                 tot += leafw[a]; kids.append(('L', a)); a += 1
//             else:
//                 tot += nodes[b][0]; kids.append(('N', b)); b += 1
//         nodes.append((tot, kids))
//     L = [0] * n
//     def walk(k, d):
//         for kind, j in nodes[k][1]:
//             if kind == 'L':
//                 if leafsym[j] >= 0: L[leafsym[j]] = d + 1
//             else: walk(j, d + 1)
//     walk(len(nodes) - 1, 0)
//     return L
//
// def greedy_kraft(lengths, D=2):
//     order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
//     out = [None] * len(lengths); avail = 0; prev = None
//     digits = "0123456789abcdefghijklmnopqrstuvwxyz"
//     for k, i in enumerate(order):
//         l = lengths[i]
//         if prev is not None and l > prev: avail *= D ** (l - prev)
//         if avail >= D ** l: return None
//         s = ""; v = avail
//         for _ in range(l): s = digits[v % D] + s; v //= D
//         out[i] = s; avail += 1; prev = l
//     return out
//
// def kraft(lengths, D=2):
//     return sum(Fraction(1, D ** l) for l in lengths)
//
// def brute_ambiguity(words, maxlen=16):
//     """Shortest string (by length, then lexicographic) with two different parses, by brute force."""
//     def parses(s):
//         res = []
//         def rec(pos, acc):
//             if len(res) > 1: return
//             if pos == len(s): res.append(tuple(acc)); return
//             for i, w in enumerate(words):
//                 if s.startswith(w, pos): rec(pos + len(w), acc + [i])
//         rec(0, []); return res
//     for n in range(1, maxlen + 1):
//         for bits in itertools.product("01", repeat=n):
//             s = "".join(bits); ps = parses(s)
//             if len(ps) > 1: return s, ps
//     return None
//
// if __name__ == "__main__":
//     for p in ([0.5, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1], [0.4, 0.2, 0.2, 0.1, 0.1], [0.25]*4,
//               [0.3, 0.3, 0.2, 0.1, 0.1], [0.05, 0.1, 0.15, 0.2, 0.5]):
//         for D in (2, 3):
//             h = heapq_huffman_lengths(p, D); t = two_queue_lengths(p, D)
//             avg_h = sum(a*b for a, b in zip(p, h)); avg_t = sum(a*b for a, b in zip(p, t))
//             H2 = -sum(q*math.log2(q) for q in p if q > 0)
//             print(f"D={D} p={p}: heapq {h} avg {avg_h!r}; two-queue {t} avg {avg_t!r} "
//                   f"codes {greedy_kraft(t, D)} H2 {H2!r} eff {H2/math.log2(D)/avg_t!r}")
//     for ls, D in (([1,2,3,3],2), ([1,1,2],2), ([2,2,3],2), ([1,1,2],3), ([1,1,1],3), ([3,1,2,3],2),
//                   ([1,1,2,2,2],3), ([2,1,3],3), ([64,64],2), ([1]*3, 2), ([2,2,2,3,3],2)):
//         k = kraft(ls, D)
//         print(f"kraft {ls} D={D}: {k} = {float(k)!r}; greedy {greedy_kraft(ls, D)}")
//     for ws in (["0","01","10"], ["0","01","011"], ["1","011","01110","1110","10011"],
//                ["0","10","110","111"], ["0","10","011"], ["0","10","110","1110","1111"],
//                ["1","10","00"], ["01","10","0","1"], ["0","01","11"], ["00","01","10","0"]):
//         print(ws, brute_ambiguity(ws, 14))
//
// def extra():
//     import math
//     out = []
//     for name, n, gen in (("linear", 50, lambda i: i + 1.0), ("zipf", 100, lambda i: 1.0 / (i + 1))):
//         w = [gen(i) for i in range(n)]; s = sum(w); p = [x / s for x in w]
//         for D in (2, 3, 4, 7):
//             h = heapq_huffman_lengths(p, D); t = two_queue_lengths(p, D)
//             avg_h = sum(a*b for a, b in zip(p, h)); avg_t = sum(a*b for a, b in zip(p, t))
//             print(f"{name} n={n} D={D}: heapq avg {avg_h!r} two-queue avg {avg_t!r} maxlen {max(t)} kraft {kraft(t, D)}")
// extra()
//
// def extra2():
//     w = [i + 1.0 for i in range(50)]; s = sum(w); print("linear two-queue D=2", two_queue_lengths([x / s for x in w], 2))
//     w = [1.0 / (i + 1) for i in range(100)]; s = sum(w); print("zipf two-queue D=3", two_queue_lengths([x / s for x in w], 3))
//     print("[0.5, 0, 0.5]:", two_queue_lengths([0.5, 0, 0.5]), heapq_huffman_lengths([0.5, 0, 0.5]))
//     print("greedy [3,3,2,2,2,1] D=3:", greedy_kraft([3, 3, 2, 2, 2, 1], 3))
//     print("-log2 p:", [f"{-math.log2(x):.4f}" for x in [0.4, 0.3, 0.2, 0.1]])
//     w = [(i % 997) + 1.0 for i in range(100000)]; s = sum(w); p = [x / s for x in w]
//     L = heapq_huffman_lengths(p); print("100k heapq mean", sum(a * b for a, b in zip(p, L)), "kraft", kraft(L))
// extra2()
//
// ---- arith_ref.py: exact arithmetic coding with Fractions.
// """Exact arithmetic-coding references with Fractions: for dyadic P the 63-bit coder's interval is
// exact, so its output must be the shortest bit string w whose dyadic interval [0.w, 0.w + 2^-len(w))
// lies in [L, L+W) (prefix-free)."""
// from fractions import Fraction
// import math
// def shortest(P, msg):
//     P = [Fraction(p) for p in P]
//     cum = [sum(P[:i]) for i in range(len(P)+1)]
//     L, W = Fraction(0), Fraction(1)
//     for s in msg:
//         L += W * cum[s]; W *= P[s]
//     k = 0
//     while True:
//         m = math.ceil(L * 2**k)
//         if Fraction(m + 1, 2**k) <= L + W:
//             return (format(m, f"0{k}b") if k else ""), L, W
//         k += 1
// for P, msg in (([0.5,0.25,0.25],[0,1,0,2,0,1,2,0]), ([0.5,0.25,0.25],[2,2,2]), ([0.5,0.25,0.25],[0,0,0]),
//                ([0.5,0.25,0.25],[1]), ([0.125,0.375,0.5],[0,1,2,1,0,2,2,1]), ([0.5,0.5],[1,0,1,1,0,0,1,0,1,1]),
//                ([0.75,0.25],[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]),
//                ([0.5,0.5],[0,0,0,0]), ([0.25,0.75],[0,1,1]), ([0.25,0.5,0.25],[1])):
//     bits, L, W = shortest(P, msg)
//     print(P, msg, repr(bits), len(bits), "-log2 W =", -math.log2(W))
