"""Executes examples/notebooks/*.ipynb through the installed kls kernel with nbclient and
checks what they print and draw: the seed's numbers (the KL loss 2.0812 at (0, 1); the four
fits' finals as `kls` itself computes them on the command line; 1.5 / 1.75 / 0.25 bits) and
that every image output decodes as a PNG or a GIF."""
import base64
import os
import re
import struct
import subprocess
import unittest
import zlib

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOTEBOOKS = os.path.join(ROOT, "examples", "notebooks")
KLS = os.environ.get("KLS_BINARY", os.path.join(ROOT, ".build", "debug", "kls"))


def execute(name):
    nb = nbformat.read(os.path.join(NOTEBOOKS, name), as_version=4)
    NotebookClient(nb, kernel_name="kls", timeout=600, resources={"metadata": {"path": NOTEBOOKS}}).execute()
    return nb


def outputs(nb, kind=None):
    for cell in nb.cells:
        if cell.cell_type == "code":
            for out in cell.outputs:
                if kind is None or out.output_type == kind:
                    yield cell, out


def printed(nb):
    return "".join(out.text for _, out in outputs(nb, "stream") if out.name == "stdout")


def check_png(test, data):
    """A PNG: signature, chunks with correct CRCs, IHDR first, IEND last, IDAT inflating to
    height rows of 1 + width * channels bytes."""
    test.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
    pos, chunks, idat = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        test.assertEqual(zlib.crc32(kind + body) & 0xFFFFFFFF, crc, kind)
        chunks.append(kind)
        if kind == b"IDAT":
            idat += body
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        pos += 12 + length
    test.assertEqual((chunks[0], chunks[-1]), (b"IHDR", b"IEND"))
    channels = {2: 3, 6: 4}[color]
    test.assertEqual(depth, 8)
    test.assertEqual(len(zlib.decompress(idat)), height * (1 + width * channels * depth // 8))
    return width, height


def check_gif(test, data):
    """A GIF89a: header, logical screen, and image blocks up to the trailer 0x3B; returns the
    number of frames."""
    test.assertEqual(data[:6], b"GIF89a")
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    while True:
        block = data[pos]
        if block == 0x3B:
            test.assertEqual(pos, len(data) - 1)
            return frames
        if block == 0x21:  # extension: label, then sub-blocks
            pos += 2
        elif block == 0x2C:  # image descriptor, optional local table, LZW size, sub-blocks
            frames += 1
            local = data[pos + 9]
            pos += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
        else:
            test.fail("bad GIF block 0x%02x at %d" % (block, pos))
        while data[pos] != 0:
            pos += data[pos] + 1
        pos += 1


class Notebooks(unittest.TestCase):
    def check_images(self, nb):
        counts = {"image/png": 0, "image/gif": 0}
        for _, out in outputs(nb):
            for mime in counts:
                if mime in out.get("data", {}):
                    counts[mime] += 1
                    data = base64.b64decode(out.data[mime])
                    (check_png if mime == "image/png" else check_gif)(self, data)
            self.assertNotIn("⠀", out.get("text", "") + out.get("data", {}).get("text/plain", ""), "braille in a notebook")
        return counts

    def test_kl_fit(self):
        nb = execute("kl_fit.ipynb")
        self.assertEqual([o for _, o in outputs(nb, "error")], [])
        text = printed(nb)
        self.assertIn("kl_div at (0, 1): 2.0812", text)
        # The fits' finals must be the ones `kls` prints for the same program on the command line.
        # (The first three code cells: P, the losses and the four fits.)
        script = "\n".join([c.source for c in nb.cells if c.cell_type == "code"][:3])
        expected = subprocess.run([KLS], input=script, capture_output=True, text=True, check=True).stdout
        finals = re.findall(r"^(KL|MSE|cosine) from μ=\d:.*$", expected, re.M)
        self.assertEqual(len(finals), 4, expected)
        for line in expected.splitlines():
            if " from μ=" in line:
                self.assertIn(line, text)
        # The seed's reading of them: KL covers both modes, MSE and cosine pick one peak.
        kl = re.search(r"KL from μ=0: +loss ([\d.]+)  μ ([\d.-]+)  σ ([\d.]+)", text)
        self.assertAlmostEqual(float(kl.group(2)), 2.49, delta=0.05)
        self.assertAlmostEqual(float(kl.group(3)), 5.2, delta=0.1)
        self.assertAlmostEqual(float(re.search(r"MSE from μ=0: +loss \S+  μ ([\d.-]+)", text).group(1)), -5, delta=0.1)
        self.assertAlmostEqual(float(re.search(r"MSE from μ=5: +loss \S+  μ ([\d.-]+)", text).group(1)), 10, delta=0.1)
        self.assertAlmostEqual(float(re.search(r"cosine from μ=5: +loss \S+  μ ([\d.-]+)", text).group(1)), 10, delta=0.1)
        counts = self.check_images(nb)
        self.assertGreaterEqual(counts["image/png"], 3)
        self.assertEqual(counts["image/gif"], 1)
        # savefig and animate(file=) still write their files.
        with open("/tmp/kls-notebook-kl_fit.png", "rb") as f:
            check_png(self, f.read())
        with open("/tmp/kls-notebook-kl_fit.gif", "rb") as f:
            self.assertEqual(check_gif(self, f.read()), 20)

    def test_information(self):
        nb = execute("information.ipynb")
        self.assertEqual([o for _, o in outputs(nb, "error")], [])
        text = printed(nb)
        self.assertIn("H(P)    = 1.5 bits", text)
        self.assertIn("H(P, Q) = 1.75 bits", text)
        self.assertIn("KL(P‖Q) = 0.25 bits", text)
        self.assertIn("decodes back: true", text)
        self.assertIn('1 ["0", "10", "110", "111"]', text)
        self.assertIn("1.25", text)
        self.assertIn("not uniquely decodable", text)
        results = [o.data["text/plain"] for _, o in outputs(nb, "execute_result")]
        self.assertTrue(any("average length 1.5 bits" in r for r in results), results)
        # The code's table as Markdown, and explain's sum as LaTeX.
        tables = [o.data["text/markdown"] for _, o in outputs(nb, "execute_result") if "text/markdown" in o.data]
        self.assertIn("| A | 0.5 | `0` | 1 | 1.0000 |", tables[0])
        formulas = [o.data["text/markdown"] for _, o in outputs(nb, "display_data") if "text/markdown" in o.data]
        self.assertIn("\\begin{aligned}", formulas[0])
        self.assertIn("&= 0.25\\ \\text{bits}", formulas[0])
        self.assertGreaterEqual(self.check_images(nb)["image/png"], 1)


if __name__ == "__main__":
    unittest.main()
