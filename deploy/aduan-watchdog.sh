#!/bin/sh
# Aduan's watchdog, run every minute by aduan-watchdog.timer: GET /readyz, and restart aduan.service after
# WATCHDOG_FAILURES checks in a row failed (3 by default, so about three minutes of not being ready).
#
# Not checked (and the count is cleared): the service is not active (stopped on purpose, or failed: systemd's
# Restart= handles that), or it became active less than WATCHDOG_GRACE_S seconds ago (300 by default; migrations
# and the pre-upgrade backup run before the port opens), or it is still starting: $DATA_DIR/starting exists (written by
# the service while its pre-upgrade backup and migrations run, which can take longer than the grace on a big data
# folder) and is younger than WATCHDOG_STARTING_MAX_S (6 hours by default: a start stuck longer is restarted).
# The count of failures lives in $STATE_FILE, by default in
# the unit's RuntimeDirectory (/run/aduan-watchdog), so it is forgotten at boot.
set -u

unit=${ADUAN_UNIT:-aduan.service}
limit=${WATCHDOG_FAILURES:-3}
grace=${WATCHDOG_GRACE_S:-300}
state=${STATE_FILE:-${RUNTIME_DIRECTORY:-/run/aduan-watchdog}/failures}
starting=${DATA_DIR:-/var/lib/aduan/data}/starting
starting_max=${WATCHDOG_STARTING_MAX_S:-21600}

# The same PORT and HOST the service reads from /etc/aduan/aduan.env; a wildcard address is reached on loopback.
host=${HOST:-127.0.0.1}
case $host in
  0.0.0.0 | '') host=127.0.0.1 ;;
  :: | '[::]') host='[::1]' ;;
  *:*) host="[$host]" ;;
esac
url="http://$host:${PORT:-3000}/readyz"

if ! systemctl is-active --quiet "$unit"; then
  rm -f "$state"
  exit 0
fi
since=$(systemctl show --property=ActiveEnterTimestamp --value --timestamp=unix "$unit")
since=${since#@}
now=$(date +%s)
if [ -z "$since" ] || [ $((now - since)) -lt "$grace" ]; then
  exit 0
fi
if [ -f "$starting" ] && [ $((now - $(stat -c %Y "$starting"))) -lt "$starting_max" ]; then
  rm -f "$state"
  echo "aduan-watchdog: $unit is still starting (its pre-upgrade backup or migrations): not checked"
  exit 0
fi

if curl --fail --silent --show-error --output /dev/null --max-time 10 "$url"; then
  rm -f "$state"
  exit 0
fi

failures=$(($(cat "$state" 2>/dev/null || echo 0) + 1))
if [ "$failures" -lt "$limit" ]; then
  echo "$failures" >"$state"
  echo "aduan-watchdog: $url not ready ($failures of $limit)"
  exit 0
fi
rm -f "$state"
echo "aduan-watchdog: $url not ready $limit times in a row: restarting $unit"
exec systemctl restart "$unit"
