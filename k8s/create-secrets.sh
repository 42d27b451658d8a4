#!/usr/bin/env bash
# Creates the Secrets the manifests expect but do not contain, with random values, in the
# cluster kubectl points at (k8s/README.md, "Secrets"). Existing Secrets are kept, so running it
# again changes nothing; the Kafka CA is copied again each time (Strimzi renews it).
#
#   k8s/create-secrets.sh mongodb     # before k8s/infrastructure/mongodb: keyFile, root user,
#                                     # one password per service (namespace mongodb) and the
#                                     # matching connection strings (namespace chat-suite)
#   k8s/create-secrets.sh admin       # auth-service-platform-admin (platform admin, key-encryption key)
#   k8s/create-secrets.sh kafka-ca    # after Kafka is Ready: its cluster CA -> chat-suite/kafka-cluster-ca
#   k8s/create-secrets.sh all         # the three, in that order
#
# With a secret manager, create the same Secrets from it instead (names and keys below).
set -euo pipefail

SERVICES=(auth-service:auth operator-domain-service:directory partner-service:partner
	ticket-service:tickets chat-room-service:chatrooms)
MEMBERS=mongodb-0.mongodb.mongodb.svc.cluster.local:27017,mongodb-1.mongodb.mongodb.svc.cluster.local:27017,mongodb-2.mongodb.mongodb.svc.cluster.local:27017

exists() { kubectl -n "$1" get secret "$2" >/dev/null 2>&1; }
ensure_namespace() { kubectl get namespace "$1" >/dev/null 2>&1 || kubectl create namespace "$1"; }
random() { openssl rand -hex 24; }

mongodb() {
	ensure_namespace mongodb
	ensure_namespace chat-suite
	exists mongodb mongodb-keyfile || kubectl -n mongodb create secret generic mongodb-keyfile \
		--from-literal=keyfile="$(openssl rand -base64 756 | tr -d '\n')"
	exists mongodb mongodb-admin || kubectl -n mongodb create secret generic mongodb-admin \
		--from-literal=username=root --from-literal=password="$(random)"
	if ! exists mongodb mongodb-service-users; then
		local args=()
		for entry in "${SERVICES[@]}"; do args+=(--from-literal="${entry%%:*}=$(random)"); done
		kubectl -n mongodb create secret generic mongodb-service-users "${args[@]}"
	fi
	# Each service's connection string, with the password the init Job gives its user.
	for entry in "${SERVICES[@]}"; do
		local service=${entry%%:*} database=${entry##*:} password
		exists chat-suite "$service-mongodb" && continue
		password=$(kubectl -n mongodb get secret mongodb-service-users -o "jsonpath={.data.$service}" | base64 -d)
		kubectl -n chat-suite create secret generic "$service-mongodb" \
			--from-literal=uri="mongodb://$service:$password@$MEMBERS/$database?replicaSet=rs0&authSource=$database"
	done
}

admin() {
	ensure_namespace chat-suite
	exists chat-suite auth-service-platform-admin || kubectl -n chat-suite create secret generic \
		auth-service-platform-admin --from-literal=username=platform-admin \
		--from-literal=password="$(random)" --from-literal=key-encryption-key="$(openssl rand -base64 32)"
}

kafka_ca() {
	ensure_namespace chat-suite
	kubectl -n kafka get secret chat-suite-cluster-ca-cert -o 'jsonpath={.data.ca\.crt}' | base64 -d > "${TMPDIR:-/tmp}/chat-suite-ca.crt"
	kubectl -n chat-suite create secret generic kafka-cluster-ca \
		--from-file=ca.crt="${TMPDIR:-/tmp}/chat-suite-ca.crt" --dry-run=client -o yaml | kubectl apply -f -
	rm -f "${TMPDIR:-/tmp}/chat-suite-ca.crt"
}

case "${1:-}" in
	mongodb) mongodb ;;
	admin) admin ;;
	kafka-ca) kafka_ca ;;
	all) mongodb; admin; kafka_ca ;;
	*) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
