"""Reference figures for the coding_*.kls tests (python3, standard library only).

Run: python3 Tests/KLSRuntimeTests/Language/coding_reference.py
Each section prints the figures one test file cites; the comments in the .kls files name the
section and the function that produced them:
  heapq_huffman   textbook Huffman with heapq; ties by (weight, insertion counter), which is
                  kls's documented rule (lower probability, then lower index; a leaf before a
                  merged node of equal weight); D-ary with zero-weight dummies
  canonical       codewords from lengths by the seed's greedy rule (sort, count up, shift)
  kraft           exact Kraft sums with fractions.Fraction
  ambiguity       brute force: the shortest string (then lexicographically first) with two parses
  sardinas        Sardinas–Patterson on sets of dangling suffixes (a verdict only)
  shortest_arith  exact arithmetic coding with Fractions: for dyadic P the coder's interval is
                  exact, so its output is the shortest bit string w whose dyadic interval
                  [0.w, 0.w + 2^-len(w)) lies in the final interval [L, L + W) (prefix-free)
  info_bits       −log2 P(message) and n·H with Fractions and math.log2
"""
import heapq
import itertools
import math
from collections import Counter
from fractions import Fraction

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def heapq_huffman(p, D=2):
    n = len(p)
    if n == 1:
        return [1]
    dummies = (D - 1 - (n - 1) % (D - 1)) % (D - 1)
    counter = itertools.count()
    # Dummies get the lowest counters: kls puts them in front of every real leaf.
    heap = [(0.0, next(counter), []) for _ in range(dummies)]
    heap += [(q, next(counter), [i]) for i, q in sorted(enumerate(p), key=lambda t: (t[1], t[0]))]
    heapq.heapify(heap)
    lengths = [0] * n
    while len(heap) > 1:
        total, members = 0.0, []
        for _ in range(D):
            q, _, m = heapq.heappop(heap)
            total += q
            members += m
        for i in members:
            lengths[i] += 1
        heapq.heappush(heap, (total, next(counter), members))
    return lengths


def canonical(lengths, D=2):
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    out = [None] * len(lengths)
    available, previous = 0, None
    for i in order:
        l = lengths[i]
        if previous is not None and l > previous:
            available *= D ** (l - previous)
        if available >= D ** l:
            return None
        v, s = available, ""
        for _ in range(l):
            s = DIGITS[v % D] + s
            v //= D
        out[i] = s
        available += 1
        previous = l
    return out


def kraft(lengths, D=2):
    return sum(Fraction(1, D ** l) for l in lengths)


def entropy_bits(p):
    return -sum(q * math.log2(q) for q in p if q > 0)


def ambiguity(words, alphabet="01", maxlen=10):
    def parses(s):
        found = []

        def walk(pos, acc):
            if len(found) > 1:
                return
            if pos == len(s):
                found.append(acc)
                return
            for w in words:
                if s.startswith(w, pos):
                    walk(pos + len(w), acc + [w])
        walk(0, [])
        return found
    for n in range(1, maxlen + 1):
        for t in itertools.product(alphabet, repeat=n):
            s = "".join(t)
            ps = parses(s)
            if len(ps) > 1:
                return s, ps
    return None


def sardinas(words):
    C = set(words)
    if len(C) < len(words):
        return False
    def dangling(A, B):
        return {b[len(a):] for a in A for b in B if b.startswith(a) and b != a}
    S = dangling(C, C)
    seen = set()
    while S:
        if S & C:
            return False
        key = frozenset(S)
        if key in seen:
            return True
        seen.add(key)
        S = dangling(C, S) | dangling(S, C)
    return True


def shortest_arith(P, msg):
    P = [Fraction(p) for p in P]
    cum = [sum(P[:i]) for i in range(len(P) + 1)]
    L, W = Fraction(0), Fraction(1)
    for s in msg:
        L += W * cum[s]
        W *= P[s]
    k = 0
    while True:
        m = math.ceil(L * 2 ** k)
        if Fraction(m + 1, 2 ** k) <= L + W:
            return format(m, f"0{k}b") if k else ""
        k += 1


def info_bits(P, msg):
    return -sum(math.log2(P[s]) for s in msg)


def section(name):
    print(f"\n== {name}")


def report_huffman(p, D=2, labels=None):
    l = heapq_huffman(p, D)
    L = sum(a * b for a, b in zip(p, l))
    H = entropy_bits(p)
    print(f"p={p} D={D}: lengths {l} codewords {canonical(l, D)} avg {L!r} H {H!r} "
          f"H_D {H / math.log2(D)!r} eff {H / math.log2(D) / L!r} -log2p {[f'{-math.log2(q):.4f}' if q > 0 else 'inf' for q in p]}")


section("coding_huffman")
for p, D in (([0.5, 0.25, 0.25], 2), ([0.4, 0.3, 0.2, 0.1], 2), ([0.4, 0.2, 0.2, 0.1, 0.1], 2),
             ([0.4, 0.3, 0.2, 0.1], 3), ([0.25] * 4, 2), ([1.0], 2), ([0.5, 0.5, 0.0], 2),
             ([0.05, 0.1, 0.15, 0.2, 0.5], 2), ([0.3, 0.3, 0.2, 0.1, 0.1], 4)):
    report_huffman(p, D)
w = [1 / (i + 1) for i in range(100)]
s = sum(w)
zipf = [x / s for x in w]
l = heapq_huffman(zipf)
print("zipf n=100 (p = w / sum(w), w = 1/(i+1)): avg", sum(a * b for a, b in zip(zipf, l)), "H", entropy_bits(zipf))

section("coding_kraft")
for ls, D in (([1, 2, 3, 3], 2), ([1, 1, 2], 2), ([2, 2, 3], 2), ([1, 1, 2], 3), ([1, 1, 1], 3),
              ([1, 1, 1, 2], 3), ([3, 1, 2, 3], 2), ([1, 2, 3, 3, 3], 2), ([1, 1, 2, 2, 2], 3),
              ([0], 2), ([1, 2, 3, 4, 4], 2), ([1, 2, 3], 2), ([2, 2, 2, 2, 2], 2), ([60, 60], 2),
              ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2], 12), ([1, 1, 2, 2], 3), ([1, 1, 2, 2], 2),
              ([1, 2, 2], 2)):
    k = kraft(ls, D)
    print(f"kraft {ls} D={D}: {k} = {float(k)!r}; greedy {canonical(ls, D)}")

section("coding_sardinas")
for ws, alphabet in ((["0", "01", "10"], "01"), (["0", "01", "011"], "01"),
                     (["1", "011", "01110", "1110", "10011"], "01"), (["0", "10", "110", "111"], "01"),
                     (["0", "10", "011"], "01"), (["0", "10", "110", "1110", "1111"], "01"),
                     (["1", "10", "100", "1000"], "01"), (["0", "1", "01", "10"], "01"),
                     (["0", "0"], "01"), (["0", "1", "20", "21"], "012"), (["0", "1", "2", "10"], "012"),
                     (["1", "10", "00"], "01")):
    print(ws, "prefix-free", all(not b.startswith(a) for a in ws for b in ws if a is not b) and len(set(ws)) == len(ws),
          "SP", sardinas(ws), "witness", ambiguity(ws, alphabet))

section("coding_encode")
print("seed code A=0 B=10 C=11: ABAC ->", "0" + "10" + "0" + "11")
print("[0.4,0.3,0.2,0.1] code", canonical(heapq_huffman([0.4, 0.3, 0.2, 0.1])),
      "message [3,0,2,1,0] ->", "".join(canonical(heapq_huffman([0.4, 0.3, 0.2, 0.1]))[i] for i in [3, 0, 2, 1, 0]))
t = canonical(heapq_huffman([0.4, 0.3, 0.2, 0.1], 3), 3)
print("ternary code", t, "message [3,0,2,1] ->", "".join(t[i] for i in [3, 0, 2, 1]))

section("coding_arith")
for P, msg in (([0.5, 0.25, 0.25], [0, 1, 0, 2, 0, 1, 2, 0]), ([0.5, 0.25, 0.25], [2, 2, 2]),
               ([0.5, 0.25, 0.25], [0, 0, 0]), ([0.5, 0.25, 0.25], [1]),
               ([0.125, 0.375, 0.5], [0, 1, 2, 1, 0, 2, 2, 1]), ([0.5, 0.5], [1, 0, 1, 1, 0, 0, 1, 0, 1, 1]),
               ([0.5, 0.25, 0.25], [0, 2, 1, 0])):
    bits = shortest_arith(P, msg)
    print(P, msg, repr(bits), len(bits), "bounds", math.ceil(info_bits(P, msg)), math.ceil(info_bits(P, msg)) + 2)
P = [0.4, 0.3, 0.2, 0.1]
msg = [0, 1, 0, 2, 0, 1, 3, 0, 1, 2]
print(P, msg, "-log2 P(s) =", info_bits(P, msg), "bound", math.ceil(info_bits(P, msg)) + 2)
# A million symbols: the pattern 0,0,0,0,1,1,1,2,2,3 repeated 100,000 times has counts 4:3:2:1
# exactly, so −log2 P(s) = n·H with P = [0.4, 0.3, 0.2, 0.1].
n = 1_000_000
nH = n * entropy_bits([0.4, 0.3, 0.2, 0.1])
exact = -sum(Fraction(c) * n / 10 * Fraction(math.log2(q)) for c, q in ((4, 0.4), (3, 0.3), (2, 0.2), (1, 0.1)))
print("million 4:3:2:1: n*H =", nH, "ceil + 2 =", math.ceil(nH) + 2, "(Fraction sum of float logs:", float(exact), ")")
nH2 = n * 1.5
print("million [0,1,0,2] pattern under [0.5,0.25,0.25]: n*H =", nH2, "bound", math.ceil(nH2) + 2)

section("coding_text")
# Python counts code points; kls counts characters as grapheme clusters (Unicode UAX #29), so
# "a\r\nb" has 4 code points here but 3 characters in kls (CR LF is one cluster).
for text in ("abracadabra", "a\r\nb", "héllo wörld"):
    c = Counter(text)
    total = len(text)
    print(repr(text), "len", total, "labels", sorted(c), "probs", [c[k] / total for k in sorted(c)],
          "H", entropy_bits([c[k] / total for k in sorted(c)]))
text = "abracadabra"
c = Counter(text)
labels = sorted(c)
p = [c[k] / len(text) for k in labels]
l = heapq_huffman(p)
words = canonical(l)
enc = "".join(words[labels.index(ch)] for ch in text)
print("abracadabra huffman", dict(zip(labels, words)), "bits", len(enc), enc, "n*H", len(text) * entropy_bits(p))
print("abracadabra arith bound", math.ceil(info_bits(p, [labels.index(ch) for ch in text])) + 2)
