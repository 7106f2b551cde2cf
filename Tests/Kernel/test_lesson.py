"""A lesson runs in a notebook too: `:lesson NAME` in a cell starts it, each later cell is an
answer judged by value, an empty cell leaves a step that only shows something, and :hint,
:skip and :quit steer it. Progress goes to a private state directory."""
import os
import tempfile
import unittest

from jupyter_client.manager import start_new_kernel

TIMEOUT = 60


class LessonInANotebook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.state = tempfile.mkdtemp()
        env = dict(os.environ, XDG_STATE_HOME=cls.state)
        cls.km, cls.kc = start_new_kernel(kernel_name="kls", env=env)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def run_cell(self, code):
        """Executes code; returns everything it printed (stdout and stderr streams)."""
        msg_id = self.kc.execute(code)
        out = ""
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out += msg["content"]["text"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return out

    def test_a_lesson_in_cells(self):
        out = self.run_cell(":lesson information")
        self.assertIn("Step 1 of 15: Information content", out)
        self.assertNotIn("\x1b[", out, "no terminal colours in a notebook")
        out = self.run_cell("2")
        self.assertIn("✗ Not yet", out)
        self.assertIn("hint 1/2", out)
        out = self.run_cell("info(1/8, base=2)")
        self.assertIn("✓ Right.", out)
        self.assertIn("Step 2 of 15", out)
        self.assertIn("Step 3 of 15", self.run_cell(":skip"))
        self.assertIn("✓ Right.", self.run_cell("3 / log(2)"))
        # Step 4 only shows something: an empty cell goes on.
        self.assertIn("Step 5 of 15", self.run_cell(""))
        self.assertIn("Left the lesson at step 5 of 15", self.run_cell(":quit"))
        # The kernel is still there, with the lesson's names.
        self.assertIn("[0.5, 0.25, 0.25]", self.run_cell("print(P)"))
