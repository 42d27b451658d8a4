import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one agent-status-changed event on tickets.tickets, as ticket-service would, so
 * the benchmark's operator is online. Run in source-file mode on an application's
 * extracted classpath (common-contracts, kafka-clients, Jackson):
 *
 * java -cp "var/app/operator-domain-service/lib/*" bench/visibility-presence.java \
 *   BOOTSTRAP ACCESS_TOKEN OPERATOR_ID EMAIL [STATUS]
 *
 * The organisation and addon come from the addon access token's claims.
 */
public class PublishPresence {

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: BOOTSTRAP ACCESS_TOKEN OPERATOR_ID EMAIL [online|away|busy|offline]");
			System.exit(2);
		}
		String bootstrap = args[0];
		String claims = new String(Base64.getUrlDecoder().decode(args[1].split("\\.")[1]), StandardCharsets.UTF_8);
		String orgId = claim(claims, "org");
		String addon = claim(claims, "addon");
		String operatorId = args[2];
		AgentStatus status = AgentStatus.fromApiValue((args.length > 4) ? args[4] : "online").orElseThrow();
		CloudEvent<AgentStatusChanged> event = CloudEvent.of("ticket-service", operatorId, orgId,
				new AgentStatusChanged(operatorId, args[3], addon, status, Instant.now()), Instant.now());
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(event.eventType().topic(), operatorId, new EventJson().toBytes(event)))
				.get();
		}
		System.out.println("published " + event.type() + " " + status.apiValue() + " for operator " + operatorId
				+ " of organisation " + orgId + ", addon " + addon);
	}

	private static String claim(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalArgumentException("the access token has no '" + name + "' claim");
		}
		return matcher.group(1);
	}

}
