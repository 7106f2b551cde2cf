"""Times the kls Jupyter kernel against ipykernel, through jupyter_client as a front end does
(see bench/kernel.sh, which makes the environment and installs both kernelspecs):

  start      process start to the first kernel_info_reply (median of STARTS starts)
  1 + 1      execute_request round trip — request sent to execute_reply received — for
             `1 + 1` (median of ROUNDS, after 20 unmeasured ones)
  KL fit     the round trip of the seed's KL fit cell: 10,000 Adam steps on 1,000 points
             (bench/rows/seed_fit: kls.kls in kls; python.py, PyTorch on the CPU in float64,
             in ipykernel), median of FITS runs in one kernel after one warm-up run

Prints one row per figure with both kernels' medians and the ratio ipykernel/kls."""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
STARTS = int(os.environ.get("STARTS", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "200"))
FITS = int(os.environ.get("FITS", "3"))


def started(name):
    """Starts a kernel; returns (manager, client, seconds from start to kernel_info_reply)."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
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
    starts = []
    for _ in range(STARTS):
        km, kc, seconds = started(name)
        starts.append(seconds)
        stop(km, kc)
    km, kc, _ = started(name)
    for _ in range(20):
        round_trip(kc, "1 + 1")
    trips = [round_trip(kc, "1 + 1") for _ in range(ROUNDS)]
    print("%s: started, round trips done" % name, file=sys.stderr, flush=True)
    fits = [round_trip(kc, fit_code) for _ in range(FITS + 1)][1:]
    stop(km, kc)
    return statistics.median(starts), statistics.median(trips), statistics.median(fits)


def main():
    with open(os.path.join(HERE, "rows", "seed_fit", "kls.kls")) as f:
        kls_fit = f.read()
    with open(os.path.join(HERE, "rows", "seed_fit", "python.py")) as f:
        torch_fit = f.read()
    kls = measure("kls", kls_fit)
    ipy = measure(sys.argv[1] if len(sys.argv) > 1 else "python3", torch_fit)
    print("%-40s %12s %12s %10s  %s" % ("row", "kls", "ipykernel", "ipy/kls", "target"))
    rows = [("kernel start to kernel_info_reply", 0, "kls < 150 ms", kls[0] < 0.150),
            ("execute_request round trip, 1 + 1", 1, "kls median < 3 ms", kls[1] < 0.003),
            ("KL fit cell (PyTorch in ipykernel)", 2, "kls > 100x faster", ipy[2] / kls[2] > 100)]
    for title, i, target, ok in rows:
        print("%-40s %10.2f ms %10.2f ms %9.1fx  %s: %s" % (title, kls[i] * 1000, ipy[i] * 1000, ipy[i] / kls[i],
                                                            target, "met" if ok else "NOT met"))


if __name__ == "__main__":
    main()
