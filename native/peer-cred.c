// peerCred(fd) -> { pid, uid, gid }: the kernel's record (SO_PEERCRED) of
// the process that connected the Unix socket `fd`, taken at connect() time.
// Node has no API for it. The addon's other entry, spawnWait(), is in
// native/spawn-wait.c.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <node_api.h>

static napi_value throw_errno(napi_env env, int err) {
  char code[32];
  const char* name = err == EBADF ? "EBADF" : err == ENOTSOCK ? "ENOTSOCK" : err == ENOPROTOOPT ? "ENOPROTOOPT" : "EIO";
  strncpy(code, name, sizeof code - 1);
  code[sizeof code - 1] = '\0';
  napi_throw_error(env, code, strerror(err));
  return NULL;
}

static napi_value peer_cred(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd = -1;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) {
    napi_throw_type_error(env, NULL, "peerCred(fd) needs a file descriptor");
    return NULL;
  }
#ifdef SO_PEERCRED
  struct ucred cred;
  socklen_t len = sizeof cred;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return throw_errno(env, errno);
  napi_value out, pid, uid, gid;
  napi_create_object(env, &out);
  napi_create_int32(env, (int32_t)cred.pid, &pid);
  napi_create_uint32(env, (uint32_t)cred.uid, &uid);
  napi_create_uint32(env, (uint32_t)cred.gid, &gid);
  napi_set_named_property(env, out, "pid", pid);
  napi_set_named_property(env, out, "uid", uid);
  napi_set_named_property(env, out, "gid", gid);
  return out;
#else
  return throw_errno(env, ENOPROTOOPT);
#endif
}

napi_value runbus_init_spawn_wait(napi_env env, napi_value exports);

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "peerCred", NAPI_AUTO_LENGTH, peer_cred, NULL, &fn);
  napi_set_named_property(env, exports, "peerCred", fn);
  // native/spawn-wait.c: spawnWait(), for `runbus run`'s exact summary.
  return runbus_init_spawn_wait(env, exports);
}
