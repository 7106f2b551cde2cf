"""Times the kls Jupyter kernel against ipykernel, through jupyter_client as a front end does
(see bench/kernel.sh, which makes the environment and installs both kernelspecs):

  start      process start to the first kernel_info_reply (median of STARTS starts), three ways:
             - as a front end sees it: jupyter_client's KernelManager.start_kernel, then a client
               asking every 10 ms. Its sockets connect before the kernel has bound its ports;
               the refused connection is retried after ZeroMQ's reconnect interval, 100 ms plus
               up to 100 ms of jitter by default, which dominates this figure for a fast kernel;
             - the same with the client's reconnect interval at 2 ms (the row's figure);
             - the kernel alone: the kernelspec's command started directly, one request on a
               socket retrying every 1 ms; exec to reply.
  1 + 1      execute_request round trip — request sent to execute_reply received — for
             `1 + 1` (median of ROUNDS, after 20 unmeasured ones)
  KL fit     the round trip of the seed's KL fit cell: 10,000 Adam steps on 1,000 points
             (bench/rows/seed_fit: kls.kls in kls; python.py, PyTorch on the CPU in float64,
             in ipykernel), median of FITS runs in one kernel after one warm-up run

Prints one row per figure with both kernels' medians and the ratio ipykernel/kls."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

HERE = os.path.dirname(os.path.abspath(__file__))
STARTS = int(os.environ.get("STARTS", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "200"))
FITS = int(os.environ.get("FITS", "3"))


# The clients' ZeroMQ context with a 2 ms reconnect interval (ZeroMQ's default is 100 ms).
QUICK = zmq.Context()
QUICK.setsockopt(zmq.RECONNECT_IVL, 2)


def started(name, context=None):
    """Starts a kernel; returns (manager, client, seconds from start to kernel_info_reply).
    The client's sockets belong to `context` (default: jupyter_client's own)."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client(context=context) if context else km.client()
    kc.start_channels()
    # Requests sent before the kernel listens are lost: ask again every 10 ms; the first
    # reply to any of them ends the wait.
    while True:
        kc.kernel_info()
        try:
            reply = kc.get_shell_msg(timeout=0.01)
        except Exception:
            continue
        if reply["msg_type"] == "kernel_info_reply":
            seconds = time.perf_counter() - t0
            while True:  # drain the replies to the other requests
                try:
                    kc.get_shell_msg(timeout=0.2)
                except Exception:
                    return km, kc, seconds


def bare_start(name):
    """Seconds from starting the kernelspec's command to its kernel_info_reply, asked once on a
    DEALER socket that retries its connection every millisecond."""
    argv = KernelSpecManager().get_kernel_spec(name).argv
    with tempfile.TemporaryDirectory() as directory:
        path, info = write_connection_file(os.path.join(directory, "kernel.json"), key=os.urandom(16).hex().encode())
        session = Session(key=info["key"].encode())
        socket = QUICK.socket(zmq.DEALER)
        socket.setsockopt(zmq.RECONNECT_IVL, 1)
        socket.setsockopt(zmq.LINGER, 0)
        t0 = time.perf_counter()
        process = subprocess.Popen([path if a == "{connection_file}" else a for a in argv],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        socket.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
        session.send(socket, "kernel_info_request", {})
        if not socket.poll(60000):
            raise RuntimeError("%s: no kernel_info_reply in 60 s" % name)
        session.recv(socket)
        seconds = time.perf_counter() - t0
        socket.close()
        process.kill()
        process.wait()
        return seconds


def round_trip(kc, code, timeout=600):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            elapsed = time.perf_counter() - t0
            assert reply["content"]["status"] == "ok", reply["content"]
            return elapsed


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def measure(name, fit_code):
    starts = {"default": [], "quick": [], "bare": []}
    for _ in range(STARTS):
        for kind, context in (("default", None), ("quick", QUICK)):
            km, kc, seconds = started(name, context)
            starts[kind].append(seconds)
            stop(km, kc)
        starts["bare"].append(bare_start(name))
    km, kc, _ = started(name, QUICK)
    for _ in range(20):
        round_trip(kc, "1 + 1")
    trips = [round_trip(kc, "1 + 1") for _ in range(ROUNDS)]
    print("%s: started, round trips done" % name, file=sys.stderr, flush=True)
    fits = [round_trip(kc, fit_code) for _ in range(FITS + 1)][1:]
    stop(km, kc)
    return (statistics.median(starts["quick"]), statistics.median(trips), statistics.median(fits),
            statistics.median(starts["default"]), statistics.median(starts["bare"]))


def main():
    with open(os.path.join(HERE, "rows", "seed_fit", "kls.kls")) as f:
        kls_fit = f.read()
    with open(os.path.join(HERE, "rows", "seed_fit", "python.py")) as f:
        torch_fit = f.read()
    kls = measure("kls", kls_fit)
    ipy = measure(sys.argv[1] if len(sys.argv) > 1 else "python3", torch_fit)
    print("%-40s %12s %12s %10s  %s" % ("row", "kls", "ipykernel", "ipy/kls", "target"))
    rows = [("start to kernel_info_reply (2 ms retry)", 0, "kls < 150 ms", kls[0] < 0.150),
            ("  same, client reconnecting every 100 ms", 3, "(jupyter_client's default)", True),
            ("  the kernel alone: exec to reply", 4, "(no jupyter_client)", True),
            ("execute_request round trip, 1 + 1", 1, "kls median < 3 ms", kls[1] < 0.003),
            ("KL fit cell (PyTorch in ipykernel)", 2, "kls > 100x faster", ipy[2] / kls[2] > 100)]
    for title, i, target, ok in rows:
        verdict = target if target.startswith("(") else target + ": " + ("met" if ok else "NOT met")
        print("%-40s %10.2f ms %10.2f ms %9.1fx  %s" % (title, kls[i] * 1000, ipy[i] * 1000, ipy[i] / kls[i], verdict))


if __name__ == "__main__":
    main()
