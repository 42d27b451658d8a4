/*
 * chat-suite chat widget, embedded by merchants with the snippet operator-domain-service hands out:
 *   <script async src="https://<gateway>/widget/<addon>.js" data-organisation="<id>" data-domain="<name>"></script>
 * Plain JavaScript, no framework. Everything it shows lives in a Shadow DOM, so the page's CSS
 * cannot reach it and its CSS cannot reach the page. It talks only to the gateway it was loaded
 * from: the public visibility question, then the chat room API v2 with the room's token.
 * A room (and so a ticket for an agent) is opened at the visitor's first message, not per page
 * view; its id and token stay in the page's localStorage, so a reload resumes it.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	if (!script || !window.fetch || !document.documentElement.attachShadow) {
		return;
	}
	var source = new URL(script.src, location.href);
	var addon = (source.pathname.match(/\/widget\/([A-Za-z0-9_-]+)\.js$/) || [])[1];
	var organisation = script.getAttribute('data-organisation');
	var domain = script.getAttribute('data-domain');
	if (!addon || !organisation || !domain) {
		return;
	}
	var api = source.origin;
	var greeting = script.getAttribute('data-greeting') || 'How may I help you?';
	var title = script.getAttribute('data-title') || 'Chat with us';
	var STYLE = [
		// The page's rules may reach the host element (and win with !important); these win back,
		// since inside a shadow tree important declarations beat the page's.
		':host{all:initial!important;display:block!important;position:fixed!important;right:20px!important;bottom:20px!important;',
		'left:auto!important;top:auto!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;',
		'transform:none!important;width:auto!important;height:auto!important;margin:0!important;padding:0!important;',
		'font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:#1f2937!important}',
		'*{box-sizing:border-box;font:inherit;color:inherit}',
		'[hidden]{display:none!important}',
		'button{all:unset;font:inherit;box-sizing:border-box;cursor:pointer;border-radius:8px;padding:8px 14px;background:#2563eb;color:#fff;font-weight:600;text-align:center}',
		'button:focus-visible,textarea:focus-visible,.log:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
		'.launcher{display:block;margin-left:auto;border-radius:24px;padding:12px 20px;box-shadow:0 4px 14px rgba(0,0,0,.25)}',
		'.greeting{display:block;max-width:260px;margin:0 0 10px auto;padding:10px 14px;background:#fff;border-radius:12px;box-shadow:0 2px 10px rgba(0,0,0,.2)}',
		'.panel{display:flex;flex-direction:column;width:340px;max-width:calc(100vw - 40px);height:440px;max-height:calc(100vh - 100px);margin-bottom:10px;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}',
		'header{display:flex;align-items:center;gap:6px;padding:10px 12px;background:#1e3a8a}',
		'h2{flex:1;margin:0;color:#fff;font-weight:700;font-size:16px}',
		'button,header button{color:#fff}',
		'header button{padding:4px 10px;background:#3b82f6;font-size:13px}',
		'.log{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:6px;background:#f8fafc}',
		'.message{display:block;margin:0;padding:8px 11px;border-radius:12px;max-width:85%;background:#e5e7eb;white-space:pre-wrap;word-wrap:break-word}',
		'.message.client{align-self:flex-end;background:#dbeafe}',
		'.message.system{align-self:center;background:none;font-style:italic;color:#4b5563;font-size:13px}',
		'.message.pending{opacity:.6}.message.failed{outline:2px solid #dc2626}',
		'.who{display:block;font-size:12px;font-weight:700;color:#374151}',
		'.notice{margin:0;padding:0 12px;min-height:0;font-size:13px;color:#b91c1c}',
		'form{display:flex;flex-wrap:wrap;gap:6px;padding:10px 12px;border-top:1px solid #e5e7eb}',
		'label{display:block;width:100%;font-size:13px;font-weight:600}',
		'textarea{display:block;flex:1;resize:none;padding:8px;border:1px solid #9ca3af;border-radius:8px;background:#fff}',
		'textarea:disabled{background:#f3f4f6}'
	].join('');
	var storageKey = 'chat-suite:' + addon + ':' + organisation + ':' + domain;

	var state = load() || {};
	if (!state.visitor) {
		state.visitor = 'visitor-' + randomId();
		save();
	}
	var lastSeq = 0;
	var stream = null;
	var streamFailures = 0;
	var pending = [];
	var closed = false;
	var ui;

	// Hidden unless an agent can answer; a visitor with a chat under way keeps it.
	fetch(api + '/embed/widget-visibility?' + new URLSearchParams({ organisation: organisation, addon: addon, domain: domain }))
		.then(function (response) { return response.ok ? response.json() : { visible: false }; })
		.then(function (answer) { return answer.visible === true; }, function () { return false; })
		.then(function (visible) {
			if (visible || state.room) {
				render();
				if (state.room) {
					resume();
				}
			}
		});

	// ---- Rendering: one shadow root, styles that nothing outside can override.

	function render() {
		var host = document.createElement('chat-suite-widget');
		host.setAttribute('data-chat-suite', addon);
		var root = host.attachShadow({ mode: 'open' });
		root.innerHTML = '<style>' + STYLE + '</style>' +
			'<div class="greeting" part="greeting" role="status"></div>' +
			'<section class="panel" id="panel" role="dialog" aria-modal="false" aria-labelledby="title" hidden>' +
			'<header><h2 id="title"></h2>' +
			'<button type="button" class="end" data-action="end">End chat</button>' +
			'<button type="button" class="hide" data-action="hide" aria-label="Minimise chat">&#x2013;</button></header>' +
			'<div class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="Messages" tabindex="0"></div>' +
			'<p class="notice" role="status" aria-live="polite"></p>' +
			'<form><label for="text">Your message</label>' +
			'<textarea id="text" name="text" rows="2" maxlength="4000" required></textarea>' +
			'<button type="submit" class="send">Send</button>' +
			'<button type="button" class="again" data-action="again" hidden>Start a new chat</button></form>' +
			'</section>' +
			'<button type="button" class="launcher" aria-controls="panel" aria-expanded="false"></button>';
		var parts = ui = {
			host: host,
			root: root,
			greeting: root.querySelector('.greeting'),
			panel: root.querySelector('.panel'),
			log: root.querySelector('.log'),
			notice: root.querySelector('.notice'),
			form: root.querySelector('form'),
			text: root.querySelector('textarea'),
			send: root.querySelector('.send'),
			again: root.querySelector('.again'),
			end: root.querySelector('.end'),
			launcher: root.querySelector('.launcher')
		};
		root.getElementById('title').textContent = title;
		parts.launcher.textContent = title;
		parts.greeting.textContent = greeting;
		parts.launcher.addEventListener('click', function () { toggle(parts.panel.hidden); });
		root.addEventListener('click', function (event) {
			var action = event.target.getAttribute && event.target.getAttribute('data-action');
			if (action === 'hide') {
				toggle(false);
			}
			else if (action === 'end') {
				endChat();
			}
			else if (action === 'again') {
				newChat();
			}
		});
		root.addEventListener('keydown', function (event) {
			if (event.key === 'Escape' && !parts.panel.hidden) {
				toggle(false);
			}
		});
		parts.text.addEventListener('keydown', function (event) {
			if (event.key === 'Enter' && !event.shiftKey) {
				event.preventDefault();
				parts.form.requestSubmit();
			}
		});
		parts.form.addEventListener('submit', function (event) {
			event.preventDefault();
			var text = parts.text.value.trim();
			if (text && !closed) {
				parts.text.value = '';
				send(text);
			}
		});
		appendMessage({ author: 'greeting', message_data: greeting });
		parts.end.hidden = !state.room;
		(document.body || document.documentElement).appendChild(host);
		// A page whose CSS hides its own root (a blanket `* { display: none !important }`) would
		// hide the widget with it: only then is the root made displayable again.
		[document.documentElement, document.body].forEach(function (element) {
			if (element && getComputedStyle(element).display === 'none') {
				element.style.setProperty('display', 'block', 'important');
			}
		});
		requestAnimationFrame(function () {
			if (window.performance && performance.mark) {
				performance.mark('chat-suite:greeting-shown');
			}
			host.setAttribute('data-ready', '');
		});
		if (state.open) {
			toggle(true, true);
		}
	}

	function toggle(open, quietly) {
		ui.panel.hidden = !open;
		ui.greeting.hidden = open;
		ui.launcher.setAttribute('aria-expanded', String(open));
		state.open = open;
		save();
		if (open && !quietly) {
			(closed ? ui.again : ui.text).focus();
		}
		else if (!open) {
			ui.launcher.focus();
		}
	}

	function appendMessage(message) {
		var item = document.createElement('p');
		item.className = 'message ' + message.author;
		if (message.seq) {
			item.setAttribute('data-seq', message.seq);
		}
		var who = document.createElement('span');
		who.className = 'who';
		who.textContent = { client: 'You', agent: 'Agent', system: '', greeting: '' }[message.author] || '';
		var text = document.createElement('span');
		text.className = 'text';
		text.textContent = message.message_data;
		if (who.textContent) {
			item.appendChild(who);
		}
		item.appendChild(text);
		ui.log.appendChild(item);
		ui.log.scrollTop = ui.log.scrollHeight;
		return item;
	}

	function showMessage(message) {
		if (message.seq <= lastSeq) {
			return;
		}
		lastSeq = message.seq;
		if (message.author === 'client' && pending.length && pending[0].text === message.message_data) {
			var mine = pending.shift();
			mine.item.classList.remove('pending');
			mine.item.setAttribute('data-seq', message.seq);
			return;
		}
		appendMessage(message);
	}

	function notice(text) {
		ui.notice.textContent = text || '';
	}

	// ---- The room: opened at the first message, resumed from storage, closed by either side.

	function resume() {
		closed = false;
		ui.end.hidden = false;
		history(0, 10).then(listen, function (error) {
			if (error.status === 404 || error.status === 401) {
				forgetRoom();
			}
			else {
				listen();
			}
		});
	}

	function history(after, pages) {
		var query = { type: 'get_messages', room_id: state.room, limit: '100' };
		if (after) {
			query.after = String(after);
		}
		return call('GET', '/api/v2/room-service/?' + new URLSearchParams(query)).then(function (page) {
			(page.response || []).forEach(showMessage);
			if (page.next_cursor && pages > 1) {
				return history(page.next_cursor, pages - 1);
			}
		});
	}

	function openRoom() {
		if (state.room) {
			return Promise.resolve();
		}
		return call('POST', '/api/v2/room-control/', {
			user_id: state.visitor,
			org_id: organisation,
			portfolio_name: 'Website visitor',
			product_name: domain
		}).then(function (answer) {
			state.room = answer.inserted_id;
			state.token = answer.response.room_token;
			save();
			lastSeq = 0;
			closed = false;
			ui.end.hidden = false;
			listen();
		});
	}

	function send(text) {
		var mine = { text: text, item: appendMessage({ author: 'client', message_data: text }) };
		mine.item.classList.add('pending');
		pending.push(mine);
		notice('');
		openRoom()
			.then(function () {
				return call('POST', '/api/v2/room-service/', {
					type: 'create_message', room_id: state.room, message_data: text, author: 'client', message_type: 'text'
				});
			})
			.catch(function () {
				mine.item.classList.add('failed');
				pending.splice(pending.indexOf(mine), 1);
				notice('Your message could not be sent. Please try again.');
			});
	}

	function endChat() {
		if (!state.room || closed) {
			return;
		}
		call('POST', '/api/v2/room-service/', { type: 'delete_room', room_id: state.room, is_active: false })
			.then(null, function () { notice('The chat could not be ended. Please try again.'); });
	}

	function chatClosed() {
		closed = true;
		if (stream) {
			stream.abort();
			stream = null;
		}
		forgetRoom();
		appendMessage({ author: 'system', message_data: 'The chat has ended.' });
		notice('The chat has ended.');
		ui.text.disabled = true;
		ui.send.hidden = true;
		ui.end.hidden = true;
		ui.again.hidden = false;
		if (!ui.panel.hidden) {
			ui.again.focus();
		}
	}

	function newChat() {
		closed = false;
		lastSeq = 0;
		ui.log.textContent = '';
		appendMessage({ author: 'greeting', message_data: greeting });
		notice('');
		ui.text.disabled = false;
		ui.send.hidden = false;
		ui.again.hidden = true;
		ui.text.focus();
	}

	function forgetRoom() {
		delete state.room;
		delete state.token;
		save();
		ui.end.hidden = true;
	}

	// ---- The room's live stream: Server-Sent Events read with fetch, so the room token travels
	// in a header and a reconnection says where it stopped (Last-Event-ID).

	function listen() {
		if (stream || closed || !state.room) {
			return;
		}
		var controller = new AbortController();
		stream = controller;
		(function connect() {
			var headers = { 'X-Room-Token': state.token, Accept: 'text/event-stream' };
			if (lastSeq) {
				headers['Last-Event-ID'] = String(lastSeq);
			}
			fetch(api + '/api/v2/rooms/' + encodeURIComponent(state.room) + '/stream', { headers: headers, signal: controller.signal })
				.then(function (response) {
					if (response.status === 404 || response.status === 401) {
						throw { gone: true };
					}
					if (!response.ok || !response.body) {
						throw new Error('stream ' + response.status);
					}
					streamFailures = 0;
					notice('');
					return readEvents(response.body, onEvent);
				})
				.then(retry, function (error) {
					if (error && error.gone) {
						stream = null;
						chatClosed();
						return;
					}
					retry();
				});
		})();

		function retry() {
			if (controller.signal.aborted || closed) {
				return;
			}
			streamFailures++;
			if (streamFailures > 2) {
				notice('Reconnecting\u2026');
			}
			setTimeout(function () {
				stream = null;
				listen();
			}, Math.min(15000, 500 * Math.pow(2, Math.min(streamFailures, 5))));
		}
	}

	function onEvent(event) {
		if (event.type === 'message') {
			showMessage(JSON.parse(event.data));
		}
		else if (event.type === 'closed') {
			chatClosed();
		}
	}

	function readEvents(body, handle) {
		var reader = body.getReader();
		var decoder = new TextDecoder();
		var buffer = '';
		return reader.read().then(function next(chunk) {
			if (chunk.done) {
				return;
			}
			buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
			var end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				var block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				var event = { type: 'message', data: '' };
				var data = [];
				block.split('\n').forEach(function (line) {
					var colon = line.indexOf(':');
					var field = colon < 0 ? line : line.slice(0, colon);
					var value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
					if (field === 'event') {
						event.type = value;
					}
					else if (field === 'data') {
						data.push(value);
					}
				});
				if (data.length) {
					event.data = data.join('\n');
					handle(event);
				}
			}
			return closed ? reader.cancel() : reader.read().then(next);
		});
	}

	// ---- Plumbing.

	function call(method, path, body) {
		var headers = {};
		if (state.token) {
			headers['X-Room-Token'] = state.token;
		}
		if (body) {
			headers['Content-Type'] = 'application/json';
		}
		return fetch(api + path, { method: method, headers: headers, body: body && JSON.stringify(body) })
			.then(function (response) {
				return response.json().catch(function () { return {}; }).then(function (json) {
					if (!response.ok) {
						throw { status: response.status, body: json };
					}
					return json;
				});
			});
	}

	function load() {
		try {
			return JSON.parse(localStorage.getItem(storageKey));
		}
		catch (e) {
			return null;
		}
	}

	function save() {
		try {
			localStorage.setItem(storageKey, JSON.stringify(state));
		}
		catch (e) {
			// Storage refused (private mode): the chat still works for this page view.
		}
	}

	function randomId() {
		var bytes = new Uint8Array(12);
		crypto.getRandomValues(bytes);
		return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
	}

})();
