package com.chatsuite.ticket.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketStatusTests {

	@ParameterizedTest
	@CsvSource({ "CREATED, ASSIGNED", "ASSIGNED, REASSIGNED", "REASSIGNED, ASSIGNED", "ASSIGNED, CLOSED",
			"CLOSED, CHAT_CLOSED", "CREATED, CHAT_CLOSED", "ASSIGNED, CHAT_CLOSED", "ESCALATED, CLOSED" })
	void aTicketFollowsItsLifecycle(TicketStatus from, TicketStatus to) {
		assertThat(from.become(to)).isEqualTo(to);
	}

	@ParameterizedTest
	@CsvSource({ "CREATED, REASSIGNED", "CLOSED, ASSIGNED", "CHAT_CLOSED, CLOSED", "CHAT_CLOSED, ASSIGNED",
			"ASSIGNED, ASSIGNED", "CLOSED, REASSIGNED", "CREATED, CREATED" })
	void illegalTransitionsAreRefused(TicketStatus from, TicketStatus to) {
		assertThat(from.canBecome(to)).isFalse();
		assertThatThrownBy(() -> from.become(to)).isInstanceOf(TicketStatus.IllegalTransition.class)
			.hasMessageContaining(from.name())
			.hasMessageContaining(to.name());
	}

	@Test
	void chatClosedIsTheEnd() {
		for (TicketStatus next : TicketStatus.values()) {
			assertThat(TicketStatus.CHAT_CLOSED.canBecome(next)).as(next.name()).isFalse();
		}
	}

	@Test
	void onlyWaitingTicketsAreRoutedAndOnlyHeldOnesCountTowardsLoad() {
		assertThat(TicketStatus.waiting()).contains(TicketStatus.CREATED, TicketStatus.REASSIGNED)
			.doesNotContain(TicketStatus.ASSIGNED, TicketStatus.CLOSED);
		assertThat(TicketStatus.held()).contains(TicketStatus.ASSIGNED)
			.doesNotContain(TicketStatus.CREATED, TicketStatus.CLOSED, TicketStatus.CHAT_CLOSED);
		for (TicketStatus status : TicketStatus.values()) {
			assertThat(status.isWaiting() && status.isHeld()).as(status.name()).isFalse();
		}
	}

}
