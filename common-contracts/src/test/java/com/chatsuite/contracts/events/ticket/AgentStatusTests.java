package com.chatsuite.contracts.events.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatusTests {

	@Test
	void codesMatchTheAddonAdminApi() {
		assertThat(AgentStatus.OFFLINE.code()).isZero();
		assertThat(AgentStatus.ONLINE.code()).isEqualTo(1);
		assertThat(AgentStatus.AWAY.code()).isEqualTo(2);
		assertThat(AgentStatus.BUSY.code()).isEqualTo(3);
		assertThat(AgentStatus.fromCode(2)).contains(AgentStatus.AWAY);
		assertThat(AgentStatus.fromCode(4)).isEmpty();
	}

	@Test
	void apiValuesMatchTheAgentTicketApi() {
		assertThat(AgentStatus.BUSY.apiValue()).isEqualTo("busy");
		assertThat(AgentStatus.fromApiValue("online")).contains(AgentStatus.ONLINE);
		assertThat(AgentStatus.fromApiValue("sleeping")).isEmpty();
		assertThat(AgentStatus.fromApiValue(null)).isEmpty();
	}

}
