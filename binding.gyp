{
  "targets": [
    {
      "target_name": "runbus_peercred",
      "sources": ["native/peer-cred.c", "native/spawn-wait.c"],
      "cflags": ["-O2", "-Wall"]
    },
    {
      "target_name": "runbus-wait",
      "type": "executable",
      "sources": ["native/runbus-wait.c"],
      "cflags": ["-O2", "-Wall"]
    }
  ]
}
