#!/bin/sh
# Looks ADDRESS up with GnuPG's Web Key Directory client against TREE
# served over HTTPS on loopback, and prints what gpg found.
#
#   unshare --mount --net [--map-root-user] sh wkd_gnupg.sh TREE WORK ADDRESS METHOD
#
# Run inside fresh mount and network namespaces (hence unshare): there it
# brings up lo, points the WKD host names at 127.0.0.1 with a private
# /etc/hosts, makes a test CA trusted by replacing the system bundle, and
# serves TREE on 127.0.0.1:443. None of it is seen outside. METHOD is
# `advanced` (openpgpkey.DOMAIN and DOMAIN both served) or `direct` (only
# DOMAIN has an address, so GnuPG must fall back to the direct method).
set -eu
tree=$1 work=$2 address=$3 method=$4
here=$(cd "$(dirname "$0")" && pwd)
domain=${address#*@}
mkdir -p "$work"
cd "$work"

ip link set lo up

# Names: only what the test maps exists.
if [ "$method" = advanced ]; then
    names="openpgpkey.$domain $domain"
else
    names="$domain"
fi
printf '127.0.0.1 localhost %s\n' "$names" >hosts
mount --bind "$work/hosts" /etc/hosts
printf 'hosts: files dns\n' >nsswitch.conf
if [ -e /etc/nsswitch.conf ]; then
    mount --bind "$work/nsswitch.conf" /etc/nsswitch.conf
fi
# The name server is the test server's: it knows the same names and says
# "no such name" for the rest, so GnuPG falls back from the advanced
# method to the direct one as it would on the Internet.
printf 'nameserver 127.0.0.1\n' >resolv.conf
if [ -e /etc/resolv.conf ]; then
    mount --bind "$work/resolv.conf" /etc/resolv.conf
fi

# A test CA and a server certificate for both names.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=carepost test CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=openpgpkey.$domain" \
    -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:openpgpkey.%s,DNS:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    "$domain" "$domain" >server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
    -extfile server.ext -out server.crt 2>/dev/null

# The system trust store, as GnuTLS (dirmngr) reads it: only the test CA.
mkdir -p certs
cp ca.crt certs/ca-certificates.crt
if [ -d /etc/ssl/certs ]; then
    mount --bind "$work/certs" /etc/ssl/certs
else
    echo "no /etc/ssl/certs to replace" >&2
    exit 2
fi

# shellcheck disable=SC2086 # the names are words
python3 "$here/wkd_https.py" "$tree" server.crt server.key 127.0.0.1 443 ready $names 2>server.log &
server=$!
gnupghome="$work/gnupg"
cleanup() {
    gpgconf --homedir "$gnupghome" --kill all 2>/dev/null || true
    kill "$server" 2>/dev/null || true
}
trap cleanup EXIT
i=0
while [ ! -e ready ]; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$server" 2>/dev/null; then
        echo "the HTTPS server did not start" >&2
        cat server.log >&2
        exit 2
    fi
    sleep 0.1
done

mkdir -m 700 "$gnupghome"
cat >"$gnupghome/dirmngr.conf" <<CONF
standard-resolver
log-file $work/dirmngr.log
debug-level basic
CONF
status=0
gpg --homedir "$gnupghome" --batch --no-tty --with-colons --auto-key-locate clear,wkd,nodefault \
    --locate-keys "$address" || status=$?
echo "--- server log" >&2
cat server.log >&2
if [ $status -ne 0 ]; then
    echo "--- dirmngr log" >&2
    cat dirmngr.log >&2 || true
fi
exit $status
