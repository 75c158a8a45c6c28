import { expect, test } from 'vitest';
import { CloseReason, RemoteBusError, RemoteErrorCode, kReasonClientEnd, kReasonHubClose } from '../../../src/bus/remote/index.js';

// The names are for code; the values are what the wire and the logs carry,
// and other protobuf runtimes and log readers match on them.
test('each error code is the string ERR_<name>, and every one is distinct', () => {
  for (const [name, value] of Object.entries(RemoteErrorCode)) expect(value).toBe(`ERR_${name}`);
  expect(new Set(Object.values(RemoteErrorCode)).size).toBe(Object.keys(RemoteErrorCode).length);
});

test('a clean close keeps its reason strings', () => {
  expect(CloseReason).toEqual({ CLIENT_END: 'CLIENT_END', HUB_CLOSE: 'HUB_CLOSE' });
  expect([kReasonClientEnd, kReasonHubClose]).toEqual(['CLIENT_END', 'HUB_CLOSE']);
});

test('a RemoteBusError carries its code as the plain string', () => {
  const err = new RemoteBusError(RemoteErrorCode.TOO_MANY_PENDING, 'x');
  expect(err.code).toBe('ERR_TOO_MANY_PENDING');
});
