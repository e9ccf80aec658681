#!/bin/sh
# autogen.sh: make ./configure from configure.ac and Makefile.am.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf -fi
# automake installs the TAP driver only on request: take the system's copy.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
