// Help text shared by --help and the README: the exit-code contract.

export const EXIT_CODE_HELP = `Exit codes:
  0  nothing at or above --fail-on (default: warning)
  1  findings at or above --fail-on
  2  usage or configuration error (bad flag, invalid config, detector or baseline file),
     or an incomplete scan that could read no file at all (docs/incomplete-scans.md)`;
