/**
 * The bad-input corpus: what is not a regular file, or is too large, given where a file is read — a
 * FIFO (reading would block for ever), /dev/zero and /dev/urandom (endless), a loop of symbolic
 * links, a folder, a socket-like path, and sparse files beyond each kind's size cap — for every
 * command that reads a file. Each is refused before it is opened for reading.
 */
import { bad, type BadInput, type Fixtures } from './types.ts';

const ok = (fx: Fixtures) => fx.f('ok.json');

export const specialFileInputs = (fx: Fixtures): BadInput[] => [
  bad('fmc --case a FIFO', ['fmc', '--case', fx.f('fifo')], /cannot read .*fifo: it is a named pipe \(FIFO\), not a regular file/),
  bad('fmc --case /dev/zero', ['fmc', '--case', '/dev/zero'], /cannot read \/dev\/zero: it is a device, not a regular file/),
  bad('fmc --case /dev/urandom', ['fmc', '--case', '/dev/urandom'], /cannot read \/dev\/urandom: it is a device, not a regular file/),
  bad('fmc --case a symlink loop', ['fmc', '--case', fx.f('loop-a.json')], /cannot read .*loop-a\.json: a loop of symbolic links/),
  bad('fmc --case beyond 64 MiB', ['fmc', '--case', fx.f('big/case.json')], /its 65\.0 MiB are more than the 64\.0 MiB a case file may have/),
  bad('fmc --u a FIFO', ['fmc', '--u', fx.f('fifo.csv'), '--v', fx.f('v.csv'), '--w', fx.f('w.csv')], /fifo\.csv: it is a named pipe \(FIFO\)/),
  bad('fmc --v a FIFO .npy', ['fmc', '--u', fx.f('u.csv'), '--v', fx.f('fifo.npy'), '--w', fx.f('w.csv')], /fifo\.npy: it is a named pipe \(FIFO\)/),
  bad('fmc --w /dev/zero', ['fmc', '--u', fx.f('u.csv'), '--v', fx.f('v.csv'), '--w', '/dev/zero'], /unknown matrix file type ""|\/dev\/zero/),
  bad('fmc --u a folder named .csv', ['fmc', '--u', fx.f('adir'), '--v', fx.f('v.csv'), '--w', fx.f('w.csv')], /unknown matrix file type|it is a folder/),
  bad('fmc --u beyond 64 MiB', ['fmc', '--u', fx.f('big/u.csv'), '--v', fx.f('v.csv'), '--w', fx.f('w.csv')], /its 65\.0 MiB are more than the 64\.0 MiB a matrix file may have/),
  bad('fmc --u a symlink loop', ['fmc', '--u', fx.f('loop-a.json'), '--v', fx.f('v.csv'), '--w', fx.f('w.csv')], /a loop of symbolic links/),
  bad('simulate --case a FIFO', ['simulate', '--case', fx.f('fifo')], /it is a named pipe \(FIFO\), not a regular file/),
  bad('simulate --case /dev/zero', ['simulate', '--case', '/dev/zero'], /it is a device, not a regular file/),
  bad('simulate --case a symlink loop', ['simulate', '--case', fx.f('loop-a')], /a loop of symbolic links/),
  bad('verify --baseline a FIFO', ['verify', '--baseline', fx.f('fifo')], /cannot read .*fifo: it is a named pipe \(FIFO\)/),
  bad('verify --baseline /dev/zero', ['verify', '--baseline', '/dev/zero'], /\/dev\/zero: it is a device/),
  bad('verify --baseline /dev/urandom', ['verify', '--baseline', '/dev/urandom'], /\/dev\/urandom: it is a device/),
  bad('verify --baseline a symlink loop', ['verify', '--baseline', fx.f('loop-a.json')], /a loop of symbolic links/),
  bad('verify --baseline a folder', ['verify', '--baseline', fx.f('adir')], /it is a folder, not a baseline/),
  bad('verify --baseline beyond 64 MiB', ['verify', '--baseline', fx.f('big/baseline.json')], /its 65\.0 MiB are more than the 64\.0 MiB a baseline may have/),
  bad('verify --experiment a FIFO', ['verify', '--experiment', fx.f('fifo')], /fifo: it is a named pipe \(FIFO\)/),
  bad('verify --experiment /dev/zero', ['verify', '--experiment', '/dev/zero'], /\/dev\/zero: it is a device/),
  bad('verify --experiment a symlink loop', ['verify', '--experiment', fx.f('loop-a')], /loop-a/),
  bad('verify --experiment beyond 256 MiB', ['verify', '--experiment', fx.f('big')], /its 257\.0 MiB are more than the 256\.0 MiB an? experiment record may have/),
  bad('verify --load a FIFO', ['verify', '--load', fx.f('fifo')], /--load .*fifo: not a folder/),
  bad('verify --load /dev/zero', ['verify', '--load', '/dev/zero'], /--load \/dev\/zero: not a folder/),
  bad('verify --load a folder holding a FIFO unit', ['verify', '--load', fx.f('units-fifo'), '--no-files'], /--load: .*unit\.js is not a regular file/),
  bad('merge a FIFO named as a shard', ['merge', fx.f('verify-shard-1-of-2.json')], /merge: .*verify-shard-1-of-2\.json is not a regular file or folder/),
  bad('merge /dev/zero', ['merge', '/dev/zero'], /merge: \/dev\/zero is not a regular file or folder/),
  bad('merge a symlink loop', ['merge', fx.f('loop-a')], /merge: .*loop-a: a loop of symbolic links/),
  bad('merge a shard beyond 256 MiB', ['merge', fx.f('big/shards')], /its 257\.0 MiB are more than the 256\.0 MiB a verify shard may have/),
  bad('eval a FIFO', ['eval', fx.f('fifo')], /fifo: not a regular file or folder/),
  bad('eval /dev/zero', ['eval', '/dev/zero'], /\/dev\/zero: not a regular file or folder/),
  bad('eval a symlink loop', ['eval', fx.f('loop-a')], /loop-a: a loop of symbolic links/),
  bad('eval a checkpoint beyond 256 MiB', ['eval', fx.f('big/run')], /its 257\.0 MiB are more than the 256\.0 MiB a checkpoint may have/),
  bad('trace a FIFO', ['trace', fx.f('fifo')], /fifo: not a regular file or folder/),
  bad('trace /dev/urandom', ['trace', '/dev/urandom'], /\/dev\/urandom: not a regular file or folder/),
  bad('trace a symlink loop', ['trace', fx.f('loop-b')], /loop-b: a loop of symbolic links/),
  bad('figure 5 --experiment a FIFO', ['figure', '5', '--experiment', fx.f('fifo')], /fifo: it is a named pipe \(FIFO\)/),
  bad('figure 9 --experiment /dev/zero', ['figure', '9', '--experiment', '/dev/zero'], /\/dev\/zero: it is a device/),
  bad('train --resume from a checkpoint beyond 256 MiB', ['train', 'copy', '--resume', '--out', fx.f('big/run')], /its 257\.0 MiB are more than the 256\.0 MiB a checkpoint may have/),
  bad('figure 2 --out a FIFO', ['figure', '2', '--out', fx.f('fifo')], /--out .*fifo: something that is not a regular file is in the way/),
  bad('verify --junit /dev/zero', ['verify', '--junit', '/dev/zero', '--no-files'], /kernel file system/),
  bad('fmc --case with both --case and a FIFO --u', ['fmc', '--case', ok(fx), '--u', fx.f('fifo')], /give either --case FILE or --u\/--v\/--w FILES, not both/),
];
