# Runs a command on a pseudo-terminal (stdin and stderr; stdout too unless --stdout-pipe), waits for pipectl's
# question ("Type 'yes'"), then either presses Ctrl-C (^C through the terminal's line discipline, as a person
# does) or types an answer and Enter. It never sends anything else: a process that ignores ^C is killed after
# 20 s and reported as HUNG. Prints "EXIT <code>" (or NOQUESTION / HUNG) and then the terminal transcript.
import os, pty, select, sys, time

def main():
    args = sys.argv[1:]
    pipe_stdout = args[0] == "--stdout-pipe"
    if pipe_stdout:
        args = args[1:]
    key, command = args[0], args[1:]
    out_r, out_w = os.pipe() if pipe_stdout else (None, None)
    pid, fd = pty.fork()
    if pid == 0:
        if pipe_stdout:
            os.dup2(out_w, 1)
        os.execvp(command[0], command)
    transcript = b""

    def pump(timeout):
        nonlocal transcript
        ready, _, _ = select.select([fd] + ([out_r] if out_r is not None else []), [], [], timeout)
        for r in ready:
            try:
                data = os.read(r, 65536)
            except OSError:
                return False
            if r == fd:
                if not data:
                    return False
                transcript += data
        return True

    deadline = time.time() + 240
    while b"Type 'yes'" not in transcript and time.time() < deadline:
        if not pump(0.5):
            break
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished == pid:
            pump(0)
            print("NOQUESTION")
            print(transcript.decode(errors="replace"))
            return
    if b"Type 'yes'" not in transcript:
        os.kill(pid, 9)
        print("NOQUESTION")
        print(transcript.decode(errors="replace"))
        return
    os.write(fd, b"\x03" if key == "ctrl-c" else key.encode() + b"\r")
    end = time.time() + 20
    while time.time() < end:
        pump(0.2)
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished == pid:
            pump(0)
            print(f"EXIT {os.waitstatus_to_exitcode(status)}")
            print(transcript.decode(errors="replace"))
            return
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    print("HUNG")
    print(transcript.decode(errors="replace"))

main()
