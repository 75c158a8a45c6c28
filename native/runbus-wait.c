// runbus-wait FILE ARGV0 ARGS… — the small parent of `runbus run`'s command.
//
// The kernel's rusage of a process includes, as maxrss, the peak rss of the
// memory it had before its exec(): a command started straight from runbus
// (a vfork/fork of a ~100 MiB Node process) would report runbus's own peak
// as its maxrss. Started from this small program instead, the command's
// figures are its own. This program forks and execs the command, forwards
// the signals runbus sends it, waits with wait4() and writes to fd 3:
//
//   P <pid>\n                       the command runs (or: E <errno>\n, exit 127)
//   R <code> <signal> <utime_us> <stime_us> <maxrss_kib> <minflt> <majflt>
//     <nvcsw> <nivcsw> <inblock> <oublock>\n      (one line) when it ended
//
// then exits as the command did. Signals from the terminal (^C) already
// reached the command, which shares the foreground process group, and are
// not forwarded again: only those sent by the parent (runbus) are.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t child = 0;
static const int kForwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};

static void forward(int sig, siginfo_t* info, void* uctx) {
  (void)uctx;
  if (child > 0 && info->si_code == SI_USER && info->si_pid == getppid()) kill(child, sig);
}

static void put(const char* line) {
  size_t n = strlen(line);
  while (n > 0) {
    ssize_t w = write(3, line, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    line += w;
    n -= (size_t)w;
  }
}

int main(int argc, char** argv) {
  if (argc < 3 || fcntl(3, F_SETFD, FD_CLOEXEC) != 0) {
    fprintf(stderr, "runbus-wait: usage: runbus-wait FILE ARGV0 [ARGS…] with fd 3 open (run by runbus)\n");
    return 125;
  }
  char line[512];
  int ep[2];
  if (pipe2(ep, O_CLOEXEC) != 0) {
    snprintf(line, sizeof line, "E %d\n", errno);
    put(line);
    return 127;
  }
  sigset_t block, old;
  sigemptyset(&block);
  for (size_t i = 0; i < sizeof kForwarded / sizeof kForwarded[0]; i++) sigaddset(&block, kForwarded[i]);
  sigprocmask(SIG_BLOCK, &block, &old);
  pid_t pid = fork();
  if (pid == 0) {
    sigprocmask(SIG_SETMASK, &old, NULL);
    // Node may have left runbus's stdio non-blocking; the command expects
    // blocking stdio (libuv clears the flag for its children the same way).
    for (int fd = 0; fd <= 2; fd++) {
      int fl = fcntl(fd, F_GETFL);
      if (fl >= 0 && (fl & O_NONBLOCK) != 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    execv(argv[1], argv + 2);
    int err = errno;
    ssize_t w = write(ep[1], &err, sizeof err);
    (void)w;
    _exit(127);
  }
  if (pid < 0) {
    snprintf(line, sizeof line, "E %d\n", errno);
    put(line);
    return 127;
  }
  child = pid;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = forward;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof kForwarded / sizeof kForwarded[0]; i++) sigaction(kForwarded[i], &sa, NULL);
  sigprocmask(SIG_SETMASK, &old, NULL);

  close(ep[1]);
  int err = 0;
  ssize_t r;
  do {
    r = read(ep[0], &err, sizeof err);
  } while (r < 0 && errno == EINTR);
  close(ep[0]);
  int status = 0;
  struct rusage ru;
  if (r == (ssize_t)sizeof err) {
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    snprintf(line, sizeof line, "E %d\n", err);
    put(line);
    return 127;
  }
  snprintf(line, sizeof line, "P %d\n", (int)pid);
  put(line);

  pid_t w;
  do {
    w = wait4(pid, &status, 0, &ru);
  } while (w < 0 && errno == EINTR);
  if (w < 0) {
    snprintf(line, sizeof line, "E %d\n", errno);
    put(line);
    return 127;
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  snprintf(line, sizeof line, "R %d %d %lld %lld %ld %ld %ld %ld %ld %ld %ld\n", code, sig,
           (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec,
           (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec,
           ru.ru_maxrss, ru.ru_minflt, ru.ru_majflt, ru.ru_nvcsw, ru.ru_nivcsw, ru.ru_inblock, ru.ru_oublock);
  put(line);
  close(3);
  if (sig != 0) {
    // End as the command did, without a core file of our own.
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(sig, SIG_DFL);
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    raise(sig);
  }
  return code < 0 ? 1 : code;
}
