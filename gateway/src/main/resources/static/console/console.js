/*
 * chat-suite agent console: plain JavaScript over the gateway's public APIs, same origin.
 * Sign-in mints an agent token with the organisation's addon token, as an API client would
 * (GET /admin/access-token, POST /auth/agent-tokens); everything after that is the agent ticket
 * API (/v1/**) and the chat room API v2 with the agent token as Bearer.
 */
(function () {
	'use strict';
	var $ = function (id) { return document.getElementById(id); };
	var session = JSON.parse(sessionStorage.getItem('chat-suite-console') || 'null');
	var tickets = [];
	var current = null;
	var room = null;
	var agentStream = null;
	var refreshing = null;

	$('sign-in').addEventListener('submit', function (event) {
		event.preventDefault();
		signIn().catch(function (error) { $('sign-in-error').textContent = reason(error); });
	});
	$('sign-out').addEventListener('click', function () { signOut(''); });
	$('presence').addEventListener('change', function () {
		call('PUT', '/v1/status', { status: $('presence').value }).then(function (answer) {
			$('presence').value = answer.status;
			$('presence').setAttribute('data-status', answer.status);
		}, failed);
	});
	$('pick').addEventListener('click', function () {
		var ticket = current;
		call('PUT', '/v1/tickets/' + encodeURIComponent(ticket.id) + '/pickedTime', null, { 'X-Agent-ID': session.operatorId })
			.then(refreshTickets, failed);
	});
	$('close-room').addEventListener('click', function () {
		call('DELETE', '/v1/rooms/' + encodeURIComponent(current.metadata.roomId)).then(null, failed);
	});
	$('answer').addEventListener('submit', function (event) {
		event.preventDefault();
		var text = $('answer-text').value.trim();
		if (!text || !current) {
			return;
		}
		$('answer-text').value = '';
		call('POST', '/api/v2/room-service/', {
			type: 'create_message', room_id: current.metadata.roomId, message_data: text, author: 'agent', message_type: 'text'
		}).then(null, failed);
	});
	$('answer-text').addEventListener('keydown', function (event) {
		if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			$('answer').requestSubmit();
		}
	});

	if (session) {
		enter();
	}

	function signIn() {
		var query = new URLSearchParams({
			email: $('email').value, password: $('password').value,
			organisation_domain: $('organisation').value, addon_unique_name: $('addon').value
		});
		$('sign-in-error').textContent = '';
		return request('GET', '/admin/access-token?' + query, null, {})
			.then(function (answer) {
				return request('POST', '/auth/agent-tokens', { operator_id: $('operator').value.trim() },
					{ access_token: answer.data.access_token });
			})
			.then(function (answer) {
				session = { token: answer.data.access_token, operatorId: $('operator').value.trim() };
				sessionStorage.setItem('chat-suite-console', JSON.stringify(session));
				$('password').value = '';
				enter();
			});
	}

	function enter() {
		$('sign-in').hidden = true;
		$('desk').hidden = false;
		$('me').hidden = false;
		call('GET', '/v1/info').then(function (info) {
			$('agent-name').textContent = info.name || info.id;
			$('presence').value = info.status;
			$('presence').setAttribute('data-status', info.status);
		}, failed);
		refreshTickets();
		listenToTickets();
	}

	function signOut(message) {
		session = null;
		sessionStorage.removeItem('chat-suite-console');
		[agentStream, room].forEach(function (stream) { if (stream) { stream.abort(); } });
		agentStream = room = current = null;
		$('desk').hidden = true;
		$('me').hidden = true;
		$('room').hidden = true;
		$('sign-in').hidden = false;
		$('sign-in-error').textContent = message;
	}

	// ---- Tickets: listed from GET /v1/tickets, refreshed whenever /v1/stream tells of a change.

	function refreshTickets() {
		if (refreshing) {
			refreshing.again = true;
			return refreshing.promise;
		}
		refreshing = { again: false };
		refreshing.promise = call('GET', '/v1/tickets').then(function (list) {
			var again = refreshing.again;
			refreshing = null;
			tickets = list;
			renderTickets();
			return again ? refreshTickets() : undefined;
		}, function (error) {
			refreshing = null;
			failed(error);
		});
		return refreshing.promise;
	}

	function renderTickets() {
		var list = $('tickets');
		list.textContent = '';
		tickets.forEach(function (ticket) {
			var item = document.createElement('li');
			var button = document.createElement('button');
			button.type = 'button';
			button.setAttribute('data-room', ticket.metadata.roomId);
			button.setAttribute('data-status', ticket.content.status);
			if (current && current.id === ticket.id) {
				button.setAttribute('aria-current', 'true');
				current = ticket;
				showPicked();
			}
			var name = span('name', customerName(ticket) + ' · ' + ticket.content.status);
			var last = ticket.content.last_message;
			button.appendChild(name);
			button.appendChild(span('last', (ticket.content.product_name || '') + (last && last.text ? ' — ' + last.text : '')));
			button.addEventListener('click', function () { openTicket(ticket); });
			item.appendChild(button);
			list.appendChild(item);
		});
		if (!tickets.length) {
			list.appendChild(span('muted', 'No open tickets.'));
		}
	}

	function listenToTickets() {
		var controller = agentStream = new AbortController();
		$('stream-state').textContent = 'Connecting\u2026';
		connect(0);

		function connect(failures) {
			sse('/v1/stream', {}, controller.signal, onEvent).then(function () { retry(0); }, function (error) {
				if (error && error.status === 401) {
					signOut('Your session has expired; please sign in again.');
				}
				else {
					retry(failures + 1);
				}
			});
		}

		function retry(failures) {
			if (!controller.signal.aborted) {
				$('stream-state').textContent = 'Reconnecting\u2026';
				setTimeout(function () { connect(failures); }, backoff(failures));
			}
		}

		function onEvent(event) {
			if (event.comment === 'listening') {
				// The stream now misses nothing: what was assigned before it is in the list.
				$('stream-state').textContent = 'Live';
				refreshTickets();
			}
			else if (event.type) {
				refreshTickets();
			}
		}
	}

	// ---- One ticket's room: its history, then its live stream from where the history ended.

	function openTicket(ticket) {
		if (room) {
			room.abort();
		}
		current = ticket;
		renderTickets();
		var roomId = ticket.metadata.roomId;
		var controller = room = new AbortController();
		var last = 0;
		$('room').hidden = false;
		$('room').setAttribute('data-room', roomId);
		$('room-title').textContent = 'Chat with ' + customerName(ticket);
		$('room-customer').textContent = customerName(ticket);
		$('room-product').textContent = ticket.content.product_name || '';
		$('messages').textContent = '';
		$('room-state').textContent = '';
		setOpen(true);
		showPicked();
		var show = function (message) {
			if (message.seq > last) {
				last = message.seq;
				appendMessage(message);
			}
		};
		history(roomId, 0, show).then(function () {
			(function connect(failures) {
				if (controller.signal.aborted) {
					return;
				}
				sse('/api/v2/rooms/' + encodeURIComponent(roomId) + '/stream', last ? { 'Last-Event-ID': String(last) } : {},
					controller.signal, function (event) {
						if (event.type === 'message') {
							show(JSON.parse(event.data));
						}
						else if (event.type === 'closed') {
							controller.abort();
							$('room-state').textContent = 'The chat is closed.';
							$('room').setAttribute('data-closed', '');
							setOpen(false);
							refreshTickets();
						}
					}).then(function () { connect(0); }, function () {
					setTimeout(function () { connect(failures + 1); }, backoff(failures + 1));
				});
			})(0);
		}, failed);
		$('answer-text').focus();
	}

	function history(roomId, after, show) {
		var query = { type: 'get_messages', room_id: roomId, limit: '100' };
		if (after) {
			query.after = String(after);
		}
		return call('GET', '/api/v2/room-service/?' + new URLSearchParams(query)).then(function (page) {
			page.response.forEach(show);
			return page.next_cursor ? history(roomId, page.next_cursor, show) : undefined;
		});
	}

	function setOpen(open) {
		if (open) {
			$('room').removeAttribute('data-closed');
		}
		$('answer-text').disabled = !open;
		$('answer').querySelector('button').disabled = !open;
		$('close-room').disabled = !open;
	}

	function showPicked() {
		var picked = current && current.metadata.pickedTimestamp;
		$('picked').textContent = picked ? 'picked at ' + new Date(picked * 1000).toLocaleTimeString() : 'not picked yet';
		$('pick').disabled = !!picked;
	}

	function appendMessage(message) {
		var item = document.createElement('p');
		item.className = 'message ' + message.author;
		item.setAttribute('data-seq', message.seq);
		var who = { client: customerName(current), agent: 'You' }[message.author];
		if (who) {
			item.appendChild(span('who', who));
		}
		item.appendChild(span('text', message.message_data));
		var log = $('messages');
		log.appendChild(item);
		log.scrollTop = log.scrollHeight;
	}

	// ---- Plumbing.

	function backoff(failures) {
		return Math.min(15000, 500 * Math.pow(2, Math.min(failures, 5)));
	}

	function customerName(ticket) {
		var customer = (ticket && ticket.customer) || {};
		return customer.name || customer.firstName || customer.id || 'Visitor';
	}

	function span(className, text) {
		var element = document.createElement('span');
		element.className = className;
		element.textContent = text;
		return element;
	}

	function call(method, path, body, headers) {
		var all = Object.assign({ Authorization: 'Bearer ' + (session && session.token) }, headers || {});
		return request(method, path, body, all).catch(function (error) {
			if (error.status === 401) {
				signOut('Your session has expired; please sign in again.');
			}
			throw error;
		});
	}

	function request(method, path, body, headers) {
		if (body) {
			headers['Content-Type'] = 'application/json';
		}
		return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
			.then(function (response) {
				return response.text().then(function (text) {
					var json = null;
					try {
						json = text ? JSON.parse(text) : null;
					}
					catch (e) {
						json = null;
					}
					if (!response.ok) {
						throw { status: response.status, body: json };
					}
					return json;
				});
			});
	}

	/** Reads Server-Sent Events with fetch, so the agent token goes in a header. */
	function sse(path, headers, signal, handle) {
		var all = Object.assign({ Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' }, headers);
		return fetch(path, { headers: all, signal: signal }).then(function (response) {
			if (!response.ok || !response.body) {
				throw { status: response.status };
			}
			var reader = response.body.getReader();
			var decoder = new TextDecoder();
			var buffer = '';
			return reader.read().then(function next(chunk) {
				if (chunk.done) {
					return;
				}
				buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
				var end;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					handle(parse(buffer.slice(0, end)));
					buffer = buffer.slice(end + 2);
				}
				return signal.aborted ? undefined : reader.read().then(next);
			});
		});
	}

	function parse(block) {
		var event = { type: null, data: '', comment: null };
		var data = [];
		block.split('\n').forEach(function (line) {
			var colon = line.indexOf(':');
			var field = colon < 0 ? line : line.slice(0, colon);
			var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === '') {
				event.comment = value;
			}
			else if (field === 'event') {
				event.type = value;
			}
			else if (field === 'data') {
				data.push(value);
			}
		});
		event.data = data.join('\n');
		if (!event.type && data.length) {
			event.type = 'message';
		}
		return event;
	}

	function failed(error) {
		var text = reason(error);
		var state = $('room').hidden ? $('stream-state') : $('room-state');
		state.textContent = text;
	}

	function reason(error) {
		if (error && error.body) {
			var body = error.body;
			return body.message || (body.errors && body.errors[0] && (body.errors[0].title || body.errors[0].message)) || ('HTTP ' + error.status);
		}
		return (error && error.message) || 'The request failed; please try again.';
	}
})();
