package com.chatsuite.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SuiteOptionsTests {

	@Test
	void defaultsPutDataAndLogsUnderVarAndUseTheDocumentedPorts() {
		SuiteOptions options = SuiteOptions.parse(new String[0], Map.of("SUITE_HOME", "/srv/suite"));
		assertThat(options.dataDir()).isEqualTo(Path.of("/srv/suite/var/data"));
		assertThat(options.logsDir()).isEqualTo(Path.of("/srv/suite/var/logs"));
		assertThat(options.wipe()).isFalse();
		assertThat(options.portOf(ServiceDefinition.GATEWAY)).isEqualTo(8080);
		assertThat(options.ports()).containsEntry("auth-service", 8081).containsEntry("chat-room-service", 8085);
		assertThat(options.kafkaPort()).isEqualTo(9092);
		assertThat(options.mongoPort()).isEqualTo(27017);
	}

	@Test
	void commandLineAndEnvironmentOverrideTheDefaults() {
		SuiteOptions options = SuiteOptions.parse(new String[] { "--data-dir", "/tmp/d", "--wipe" },
				Map.of("GATEWAY_PORT", "9080", "SUITE_LOGS_DIR", "/tmp/l", "KAFKA_PORT", "19092"));
		assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/d"));
		assertThat(options.logsDir()).isEqualTo(Path.of("/tmp/l"));
		assertThat(options.wipe()).isTrue();
		assertThat(options.portOf(ServiceDefinition.GATEWAY)).isEqualTo(9080);
		assertThat(options.kafkaPort()).isEqualTo(19092);
	}

	@Test
	void badPortIsRefusedNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SuiteOptions.parse(new String[0], Map.of("MONGO_PORT", "x")))
			.withMessageContaining("MONGO_PORT");
	}

	@Test
	void unknownOptionAndMissingValueAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SuiteOptions.parse(new String[] { "--fast" }, Map.of()))
			.withMessageContaining("--fast");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SuiteOptions.parse(new String[] { "--data-dir" }, Map.of()))
			.withMessageContaining("--data-dir");
	}

}
