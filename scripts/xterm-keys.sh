#!/usr/bin/env bash
# Drives the real cpconf binary in xterm on a virtual X display and checks
# that every command key of the key table arrives and does what the table
# says: from the saved session and the exported files, with a screenshot
# after each step for a person to look at. Not run by CI (CI has no X).
#
# Needs: Xvfb, xterm, xdotool, xwd (x11-apps), convert (ImageMagick), jq.
# On Debian: apt-get install xvfb xterm xdotool x11-apps imagemagick jq
#
# Usage: scripts/xterm-keys.sh [path/to/cpconf] [screenshot folder]
# (default: target/release/cpconf, and a new folder under /tmp).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$here/target/release/cpconf}")
shots=${2:-$(mktemp -d /tmp/cpconf-xterm-XXXX)}
mkdir -p "$shots"
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

# A copy of the in-progress example review: the sessions folder is private.
mkdir -p "$work/sessions" "$work/state" "$work/config"
session="$work/sessions/review.json"
cp "$here/sessions/example-2027-02-09-rcpc-FAM2041.json" "$session"
chmod 600 "$session"

display=:$((70 + RANDOM % 20))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1

# xterm as it comes (eightBitInput, no metaSendsEscape), UTF-8.
XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 \
    xterm -geometry 120x36+0+0 -fa Monospace -fs 10 \
    -e "$bin" --dir "$work/sessions" open "$session" &
term=$!
sleep 2
xdotool mousemove 400 300
window=$(xdotool search --sync --pid "$term" | head -1)
xdotool windowfocus --sync "$window" 2>/dev/null || true

n=0
shot() {
    n=$((n + 1))
    sleep 0.4
    xwd -id "$window" | convert xwd:- "$shots/$(printf %02d "$n")-$1.png"
}
key() { xdotool key --delay 60 "$@"; }
type_text() { xdotool type --delay 20 "$1"; }
saved() { jq -r "$1" "$session"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# The example opens where it was left: the recommendations (stage 7).
shot start
key Next
shot pgdn-decision
key Prior
shot pgup-recommendations
key ctrl+g
shot ctrl-g-asks
key 4
shot ctrl-g-4-map
# Alt+3: xterm as it comes sends the character '³', not a stage key, so
# in a map column it starts an item holding "³" (kept, and undoable).
key alt+3
shot alt-3-types
key Escape ctrl+s
sleep 1
saved '.map_items[].text' | grep -qx "³" || fail "Alt+3 did not type ³ (has xterm sent Esc+3?)"
key ctrl+z ctrl+s
sleep 1
saved '.map_items[].text' | grep -qx "³" && fail "Ctrl+Z did not take the ³ back"
type_text "Ruth visits daily"
key Return Escape
shot typed-an-item
key ctrl+s
shot ctrl-s
sleep 1
saved '.map_items[].text' | grep -qx "Ruth visits daily" || fail "the typed item is not saved"

key End Delete
shot delete
sleep 1.5
saved '.map_items[].text' | grep -qx "Ruth visits daily" && fail "Delete did not delete"
key ctrl+z
shot ctrl-z
key ctrl+y
shot ctrl-y
key ctrl+z
key Home Down Up
key Tab
shot tab-next-column
key shift+Tab
shot shift-tab-back
key ctrl+n
type_text "Added with Ctrl+N"
key Escape Escape
shot ctrl-n
key F1
shot f1-help
key Escape
key ctrl+e
shot ctrl-e-menu
key Down Right
shot export-family-plain-text
key Return
shot exported
sleep 1
ls "$work/sessions"/2027-02-09-rcpc-FAM2041.family.txt >/dev/null || fail "the family's copy was not exported as text"
# The row for all three (the fourth), in the format kept from last time.
key ctrl+e Down Down Down
shot export-all-three
key Return
shot exported-all-three
sleep 1
for copy in record family-2 decision-letter; do
    ls "$work/sessions/2027-02-09-rcpc-FAM2041.$copy.txt" >/dev/null || fail "all three: no $copy"
done

# The decision for both children (Shift+Tab from the form's first field
# back to the children), then F9: Esc declines, Enter finalises.
key ctrl+g 8
key Return
type_text "cpp"
key shift+Tab Down Return
type_text "cpp"
shot decisions
key F9
shot f9-asks
key Escape
shot f9-declined
[ "$(saved .status)" = in_progress ] || fail "Esc on the question finalised"
key F9
key Return
shot f9-finalised
sleep 1.5
[ "$(saved .status)" = finalised ] || fail "F9 then Enter did not finalise"

# The record screen: F2 marks the next paperwork sent, after asking.
key ctrl+g 9
shot record-screen
key F2
shot f2-asks
key Return
shot f2-marked
key ctrl+q
sleep 1.5
kill -0 "$term" 2>/dev/null && fail "Ctrl+Q did not quit"

saved '.map_items[].text' | grep -qx "Ruth visits daily" || fail "Ctrl+Z did not bring the item back"
[ "$(jq -c .recommendations "$session")" = "$(jq -c .recommendations "$here/sessions/example-2027-02-09-rcpc-FAM2041.json")" ] ||
    fail "the recommendations changed"
saved '.map_items[].text' | grep -qx "Added with Ctrl+N" || fail "the Ctrl+N item is not saved"
[ "$(saved '[.decisions[].outcome] | unique | .[]')" = child_protection_plan ] ||
    fail "the decisions typed are not saved"
jq -e '.finalised' "$session" >/dev/null || fail "no finalised block"
jq -e '.distribution | length > 0' "$session" >/dev/null || fail "F2 then Enter marked nothing sent"
echo "every key arrived and did what the table says; screenshots in $shots"
