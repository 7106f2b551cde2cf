"""Protocol faults: none may crash or hang the kls kernel, and a wrongly signed message must
run nothing. Each test talks to a kernel started by jupyter_client, some through raw ZeroMQ
sockets to send what a well-behaved client never would."""
import json
import time
import unittest
import uuid

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 30


class KernelFaults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="kls")
        cls.context = zmq.Context()

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.context.destroy(linger=0)

    def run_cell(self, code, timeout=TIMEOUT):
        """Executes code; returns (reply content, printed stdout text, error content)."""
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        out, error = "", None
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out += msg["content"]["text"]
            if msg["msg_type"] == "error":
                error = msg["content"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        return reply["content"], out, error

    def assert_alive(self):
        reply, out, _ = self.run_cell('print("alive", 6 * 7)')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(out, "alive 42\n")

    def raw_shell(self, identity):
        socket = self.context.socket(zmq.DEALER)
        socket.setsockopt(zmq.IDENTITY, identity)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect("%s://%s:%d" % (self.km.transport, self.km.ip, self.km.shell_port))
        return socket

    def frames(self, msg_type, content, key=None, content_bytes=None):
        session = Session(key=(self.km.session.key if key is None else key), username="test")
        header = session.msg_header(msg_type)
        parts = [json.dumps(header, default=str).encode(), b"{}", b"{}",
                 content_bytes if content_bytes is not None else json.dumps(content).encode()]
        return [b"<IDS|MSG>", session.sign(parts) if session.auth else b""] + parts

    def test_bad_signature_runs_nothing(self):
        socket = self.raw_shell(b"forger")
        socket.send_multipart(self.frames("execute_request", {"code": "forged = 1", "silent": False},
                                          key=b"not-the-key"))
        self.assertEqual(socket.poll(1000), 0, "a wrongly signed request got a reply")
        socket.close()
        _, _, error = self.run_cell("forged")
        self.assertIsNotNone(error, "the forged cell ran")
        self.assertIn("forged", error["evalue"])
        self.assert_alive()

    def test_malformed_json_and_missing_frames(self):
        socket = self.raw_shell(b"garbler")
        socket.send_multipart(self.frames("execute_request", None, content_bytes=b"{not json"))
        socket.send_multipart([b"<IDS|MSG>", b"", b"{}"])
        socket.send_multipart([b"no delimiter at all"])
        self.assertEqual(socket.poll(500), 0)
        socket.close()
        self.assert_alive()

    def test_unknown_message_type(self):
        socket = self.raw_shell(b"stranger")
        socket.send_multipart(self.frames("frobnicate_request", {}))
        self.assertEqual(socket.poll(500), 0)
        socket.close()
        self.assert_alive()

    def test_message_of_100_megabytes(self):
        socket = self.raw_shell(b"heavy")
        big = b"x" * (100 * 1024 * 1024)
        socket.send_multipart(self.frames("execute_request", {"code": "heavy = 5", "silent": False}) + [big])
        self.assertNotEqual(socket.poll(60000), 0, "no reply to a request with a 100 MB buffer")
        reply = socket.recv_multipart()
        self.assertIn(b"execute_reply", reply[2])
        socket.close()
        reply, out, _ = self.run_cell("print(heavy + 1)")
        self.assertEqual(out, "6\n")

    def test_request_of_100_megabytes_of_signed_json(self):
        # The whole request is signed and parsed: 100 MB of content (a field the kernel does not
        # use), not an extra buffer frame.
        socket = self.raw_shell(b"bulky")
        content = {"code": "bulky = 8", "silent": False, "padding": "y" * (100 * 1024 * 1024)}
        socket.send_multipart(self.frames("execute_request", content))
        self.assertNotEqual(socket.poll(120000), 0, "no reply to a 100 MB request")
        reply = socket.recv_multipart()
        self.assertIn(b"execute_reply", reply[2])
        self.assertEqual(json.loads(reply[-1])["status"], "ok")
        socket.close()
        reply, out, _ = self.run_cell("print(bulky + 1)")
        self.assertEqual(out, "9\n")

    def test_client_vanishing_mid_execution(self):
        socket = self.raw_shell(b"ghost")
        socket.send_multipart(self.frames("execute_request", {"code": "s = 0\nfor i in range(300000) { s = s + i }\ns", "silent": False}))
        time.sleep(0.05)
        socket.close()
        self.assert_alive()
        reply, out, _ = self.run_cell("print(s)")
        self.assertEqual(out, "44999850000\n")

    def interrupted_fit(self, interrupt):
        self.run_cell("kept = 41\nloss(m) = (m - 3)^2")
        msg_id = self.kc.execute("fit = minimize(loss, [0], Adam(), steps=10000000)")
        # Wait until the cell is running.
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(0.5)
        started = time.time()
        interrupt()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertLess(time.time() - started, 10)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("interrupt", reply["content"]["evalue"])
        reply, out, error = self.run_cell("print(kept + 1)")
        self.assertEqual((out, error), ("42\n", None))

    def test_interrupt_by_signal_during_a_long_fit(self):
        self.interrupted_fit(self.km.interrupt_kernel)

    def test_interrupt_request_on_the_control_channel(self):
        def request():
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            reply = self.kc.control_channel.get_msg(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "interrupt_reply")
        self.interrupted_fit(request)

    def test_stop_on_error_aborts_only_queued_cells(self):
        # The error comes at run time, after a loop long enough for the next request to queue.
        failing = self.kc.execute('s = 0\nfor i in range(1000000) { s = s + i }\nassert(s < 0, "too big")')
        queued = self.kc.execute("queued_ran = 1")
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies, {failing: "error", queued: "aborted"})
        _, _, error = self.run_cell("queued_ran")
        self.assertIsNotNone(error)
        self.assert_alive()

    def test_restart_gives_a_fresh_session(self):
        self.run_cell("before_restart = 1")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        _, _, error = self.run_cell("before_restart")
        self.assertIsNotNone(error)
        self.assert_alive()


if __name__ == "__main__":
    unittest.main()
