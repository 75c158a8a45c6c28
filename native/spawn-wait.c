// spawnWait(helper, file, argv, envp, cwd, onExit) -> { pid, helperPid }:
// starts `runbus run`'s command under runbus-wait (native/runbus-wait.c),
// which waits for it with wait4() and reports the kernel's resource usage of
// the command and every descendant it reaped (what /usr/bin/time reports).
// Node's child_process cannot give this: libuv reaps with waitpid(), and
// getrusage(RUSAGE_CHILDREN) in runbus's process would also count runbus's
// own helpers (nvidia-smi, systeminformation's spawns). libuv only reaps the
// pids it started, so the helper's pid is this addon's alone to wait for, on
// a thread of its own.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>
#include <node_api.h>

typedef struct {
  pid_t helper;
  int fd;  // read end of the helper's report pipe
  char buf[1024];
  size_t len;
  int status;  // the helper's wait status
  napi_threadsafe_function tsfn;
} wait_job;

static void free_strv(char** v) {
  if (v == NULL) return;
  for (char** p = v; *p != NULL; p++) free(*p);
  free(v);
}

static char* get_string(napi_env env, napi_value v) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char* s = malloc(len + 1);
  if (s == NULL) return NULL;
  if (napi_get_value_string_utf8(env, v, s, len + 1, &len) != napi_ok) {
    free(s);
    return NULL;
  }
  return s;
}

static char** get_strv(napi_env env, napi_value arr) {
  uint32_t n = 0;
  if (napi_get_array_length(env, arr, &n) != napi_ok) return NULL;
  char** v = calloc((size_t)n + 1, sizeof *v);
  if (v == NULL) return NULL;
  for (uint32_t i = 0; i < n; i++) {
    napi_value e;
    if (napi_get_element(env, arr, i, &e) != napi_ok || (v[i] = get_string(env, e)) == NULL) {
      free_strv(v);
      return NULL;
    }
  }
  return v;
}

static void set_double(napi_env env, napi_value obj, const char* name, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  napi_set_named_property(env, obj, name, v);
}

// The helper's "R …" report, if it wrote one.
static int parse_report(const wait_job* job, long long* v, int n) {
  const char* r = NULL;
  for (const char* p = job->buf; p < job->buf + job->len; p++) {
    if (*p == 'R' && (p == job->buf || p[-1] == '\n')) r = p;
  }
  if (r == NULL) return 0;
  char line[sizeof job->buf + 1];
  size_t k = (size_t)(job->buf + job->len - r);
  memcpy(line, r, k);
  line[k] = '\0';
  char* q = line + 1;
  for (int i = 0; i < n; i++) {
    char* end;
    v[i] = strtoll(q, &end, 10);
    if (end == q) return 0;
    q = end;
  }
  return 1;
}

// On the JS thread: onExit({ code?, signal?, rusage? }). Without a report
// (the helper was killed), code/signal are the helper's and rusage is absent.
static void call_js(napi_env env, napi_value cb, void* context, void* data) {
  (void)context;
  wait_job* job = data;
  if (env != NULL && cb != NULL) {
    napi_value out, undef, ru;
    napi_create_object(env, &out);
    long long v[11];
    if (parse_report(job, v, 11)) {
      if (v[0] >= 0) set_double(env, out, "code", (double)v[0]);
      if (v[1] > 0) set_double(env, out, "signal", (double)v[1]);
      napi_create_object(env, &ru);
      set_double(env, ru, "userUs", (double)v[2]);
      set_double(env, ru, "systemUs", (double)v[3]);
      set_double(env, ru, "maxRssKiB", (double)v[4]);
      set_double(env, ru, "minorFaults", (double)v[5]);
      set_double(env, ru, "majorFaults", (double)v[6]);
      set_double(env, ru, "voluntaryCtxSwitches", (double)v[7]);
      set_double(env, ru, "involuntaryCtxSwitches", (double)v[8]);
      set_double(env, ru, "blockInputs", (double)v[9]);
      set_double(env, ru, "blockOutputs", (double)v[10]);
      napi_set_named_property(env, out, "rusage", ru);
    } else {
      if (WIFEXITED(job->status)) set_double(env, out, "code", WEXITSTATUS(job->status));
      if (WIFSIGNALED(job->status)) set_double(env, out, "signal", WTERMSIG(job->status));
    }
    napi_get_undefined(env, &undef);
    napi_call_function(env, undef, cb, 1, &out, NULL);
  }
  napi_release_threadsafe_function(job->tsfn, napi_tsfn_release);
  free(job);
}

// Appends what the pipe holds until EOF (the helper has exited).
static void drain(wait_job* job) {
  for (;;) {
    if (job->len >= sizeof job->buf) return;
    ssize_t r = read(job->fd, job->buf + job->len, sizeof job->buf - job->len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return;
    job->len += (size_t)r;
  }
}

static void* wait_thread(void* arg) {
  wait_job* job = arg;
  drain(job);
  while (waitpid(job->helper, &job->status, 0) < 0 && errno == EINTR) {
  }
  close(job->fd);
  napi_call_threadsafe_function(job->tsfn, job, napi_tsfn_blocking);
  return NULL;
}

static napi_value throw_errno(napi_env env, int err, const char* syscall) {
  napi_value msg, code, e, num;
  char text[256];
  snprintf(text, sizeof text, "%s: %s", syscall, strerror(err));
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg);
  napi_create_string_utf8(env, err == ENOENT ? "ENOENT" : err == EACCES ? "EACCES" : err == ENOEXEC ? "ENOEXEC" : "ESPAWN", NAPI_AUTO_LENGTH, &code);
  napi_create_error(env, code, msg, &e);
  napi_create_int32(env, err, &num);
  napi_set_named_property(env, e, "errno", num);
  napi_throw(env, e);
  return NULL;
}

// Reads until the first line is complete; returns its length (without \n), or -1.
static ssize_t first_line(wait_job* job) {
  for (;;) {
    char* nl = memchr(job->buf, '\n', job->len);
    if (nl != NULL) return nl - job->buf;
    if (job->len >= sizeof job->buf) return -1;
    ssize_t r = read(job->fd, job->buf + job->len, sizeof job->buf - job->len);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    job->len += (size_t)r;
  }
}

static napi_value spawn_wait(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  napi_valuetype t;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 6 ||
      napi_typeof(env, argv[5], &t) != napi_ok || t != napi_function) {
    napi_throw_type_error(env, NULL, "spawnWait(helper, file, argv, envp, cwd, onExit)");
    return NULL;
  }
  char* helper = get_string(env, argv[0]);
  char* file = get_string(env, argv[1]);
  char** args = get_strv(env, argv[2]);
  char** envp = get_strv(env, argv[3]);
  char* cwd = get_string(env, argv[4]);
  wait_job* job = calloc(1, sizeof *job);
  char** hargs = NULL;
  napi_value result = NULL;
  int p[2] = {-1, -1};
  if (helper == NULL || file == NULL || args == NULL || envp == NULL || cwd == NULL || job == NULL) {
    napi_throw_type_error(env, NULL, "spawnWait(helper, file, argv, envp, cwd, onExit): strings expected");
    goto done;
  }
  size_t n = 0;
  while (args[n] != NULL) n++;
  hargs = calloc(n + 3, sizeof *hargs);
  if (hargs == NULL || pipe2(p, O_CLOEXEC) != 0) {
    throw_errno(env, hargs == NULL ? ENOMEM : errno, "pipe");
    goto done;
  }
  if (p[1] == 3) {
    // adddup2(3, 3) would leave FD_CLOEXEC set: move it first.
    int moved = fcntl(p[1], F_DUPFD_CLOEXEC, 10);
    close(p[1]);
    p[1] = moved;
  }
  hargs[0] = "runbus-wait";
  hargs[1] = file;
  for (size_t i = 0; i < n; i++) hargs[i + 2] = args[i];
  // As libuv does for a child: default dispositions (Node ignores SIGPIPE),
  // nothing blocked.
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t fa;
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawn_file_actions_init(&fa);
  if (cwd[0] != '\0') posix_spawn_file_actions_addchdir_np(&fa, cwd);
  posix_spawn_file_actions_adddup2(&fa, p[1], 3);
  // stdio inherited. libuv marks runbus's own fds 0-2 close-on-exec, and a
  // dup2 onto the same number would keep the flag: go through copies.
  int copies[3];
  for (int fd = 0; fd <= 2; fd++) {
    copies[fd] = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    if (copies[fd] >= 0) posix_spawn_file_actions_adddup2(&fa, copies[fd], fd);
  }
  pid_t hp;
  int err = posix_spawn(&hp, helper, &fa, &attr, hargs, envp);
  for (int fd = 0; fd <= 2; fd++) {
    if (copies[fd] >= 0) close(copies[fd]);
  }
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(p[1]);
  if (err != 0) {
    close(p[0]);
    throw_errno(env, err, "posix_spawn runbus-wait");
    goto done;
  }
  job->helper = hp;
  job->fd = p[0];
  // The helper says "P <pid>" once the command runs, "E <errno>" if it could not start it.
  ssize_t k = first_line(job);
  if (k < 0 || job->buf[0] != 'P') {
    int status;
    close(p[0]);
    while (waitpid(hp, &status, 0) < 0 && errno == EINTR) {
    }
    if (k > 1 && job->buf[0] == 'E') throw_errno(env, atoi(job->buf + 1), "exec");
    else napi_throw_error(env, "ESPAWN", "runbus-wait ended without starting the command");
    goto done;
  }
  pid_t pid = (pid_t)atoi(job->buf + 1);
  napi_value name;
  napi_create_string_utf8(env, "runbus-wait4", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[5], NULL, name, 0, 1, NULL, NULL, NULL, call_js, &job->tsfn) != napi_ok) {
    close(p[0]);
    napi_throw_error(env, "ESPAWN", "spawnWait: cannot create the exit callback");
    goto done;
  }
  pthread_t th;
  pthread_attr_t ta;
  pthread_attr_init(&ta);
  pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&ta, 64 * 1024);
  err = pthread_create(&th, &ta, wait_thread, job);
  pthread_attr_destroy(&ta);
  if (err != 0) {
    close(p[0]);
    napi_release_threadsafe_function(job->tsfn, napi_tsfn_abort);
    throw_errno(env, err, "pthread_create");
    goto done;
  }
  job = NULL;  // owned by the thread now
  napi_value pidv, hpv;
  napi_create_object(env, &result);
  napi_create_int32(env, pid, &pidv);
  napi_create_int32(env, hp, &hpv);
  napi_set_named_property(env, result, "pid", pidv);
  napi_set_named_property(env, result, "helperPid", hpv);
done:
  free(hargs);
  free(helper);
  free(file);
  free(cwd);
  free_strv(args);
  free_strv(envp);
  free(job);
  return result;
}

napi_value runbus_init_spawn_wait(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "spawnWait", NAPI_AUTO_LENGTH, spawn_wait, NULL, &fn);
  napi_set_named_property(env, exports, "spawnWait", fn);
  return exports;
}
