{
  "targets": [
    {
      "target_name": "runbus_peercred",
      "sources": ["native/peer-cred.c"],
      "cflags": ["-O2", "-Wall"]
    }
  ]
}
