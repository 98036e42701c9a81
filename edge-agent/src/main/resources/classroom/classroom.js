// The classroom page: plays the current lesson from the box's local buffer, shows a status strip, and reports the
// player's stalls and errors to the box. Everything it loads comes from the box itself.
(function () {
  'use strict';
  var STATUS_EVERY_MS = 2000;
  var REPORT_EVERY_MS = 5000;
  var video = document.getElementById('player');
  var hls = null;
  var source = null;          // the playlist URL being played
  var probing = null;         // the playlist URL asked for before playing it
  var lessonId = null;        // the lesson it belongs to
  var played = 0, stalled = 0, stallStart = null, lastTime = null, lastTick = null;
  var started = false;       // a wait before the first frame is loading, not a stall
  var pendingErrors = [];

  function text(id, value, good) {
    var el = document.getElementById(id);
    el.textContent = value;
    if (good !== undefined) { el.className = good ? 'good' : 'bad'; }
  }

  function seconds(value) {
    return value === null || value === undefined ? '?' : Math.round(value) + ' s';
  }

  // A satellite link drops for seconds to minutes: never give up, retry loads for ever, skip gaps.
  var forever = { maxNumRetry: 1e9, retryDelayMs: 1000, maxRetryDelayMs: 8000 };
  var config = {
    lowLatencyMode: false,
    liveDurationInfinity: true,
    fragLoadPolicy: { default: { maxTimeToFirstByteMs: 10000, maxLoadTimeMs: 60000,
      timeoutRetry: forever, errorRetry: forever } },
    playlistLoadPolicy: { default: { maxTimeToFirstByteMs: 10000, maxLoadTimeMs: 20000,
      timeoutRetry: forever, errorRetry: forever } },
    manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 10000, maxLoadTimeMs: 20000,
      timeoutRetry: forever, errorRetry: forever } }
  };

  // hls.js gives up on a playlist that answers 404 and complains of one without segments (the box has neither until
  // the lesson's first segment is due): ask for it first, and play it once it lists a segment.
  function play(url, id) {
    if (url === source || url === probing) { return; }
    probing = url;
    fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.text() : ''; }).then(function (body) {
      if (probing === url && body.indexOf('#EXTINF') >= 0) { attach(url, id); }
    }).catch(function () { /* the box is restarting: the next status poll asks again */ })
      .then(function () { if (probing === url) { probing = null; } });
  }

  function attach(url, id) {
    stop();
    source = url;
    lessonId = id;
    started = false;
    document.getElementById('countdown').hidden = true;
    if (window.Hls && Hls.isSupported()) {
      hls = new Hls(config);
      hls.on(Hls.Events.ERROR, onError);
      hls.loadSource(url);
      hls.attachMedia(video);
    } else {
      video.src = url; // Safari plays HLS natively
    }
    video.play().catch(function () { /* autoplay waits for the media */ });
  }

  function stop() {
    if (hls) { hls.destroy(); hls = null; }
    source = null;
    probing = null;
    video.removeAttribute('src');
  }

  // Every error hls.js reported, for the projector's technician (and the browser test): window.classroomErrors.
  var errorLog = window.classroomErrors = [];

  function onError(event, data) {
    errorLog.push({ time: Date.now(), fatal: !!data.fatal, type: data.type, details: data.details });
    if (errorLog.length > 100) { errorLog.shift(); }
    // FRAG_GAP: the box marked a segment it could not get in time; hls.js skips it. Not an error of the player.
    if (data.details === 'fragGap') { return; }
    pendingErrors.push((data.fatal ? 'fatal ' : '') + data.type + ':' + data.details);
    if (!data.fatal) { return; }
    var playlistLost = data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR
        || data.details === Hls.ErrorDetails.MANIFEST_LOAD_TIMEOUT
        || data.details === Hls.ErrorDetails.MANIFEST_PARSING_ERROR;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && !playlistLost) {
      setTimeout(function () { if (hls) { hls.startLoad(); } }, 1000);
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
    } else {
      var url = source, id = lessonId;
      stop();
      setTimeout(function () { play(url, id); }, 2000);
    }
  }

  video.addEventListener('waiting', function () {
    if (started && stallStart === null) { stallStart = Date.now(); }
  });
  video.addEventListener('playing', function () { started = true; endStall(); });
  function endStall() {
    if (stallStart !== null) { stalled += (Date.now() - stallStart) / 1000; stallStart = null; }
  }
  video.addEventListener('timeupdate', function () {
    var now = Date.now();
    if (lastTime !== null && video.currentTime > lastTime && now - lastTick < 2000) {
      played += Math.min(video.currentTime - lastTime, (now - lastTick) / 1000 + 0.5);
    }
    lastTime = video.currentTime;
    lastTick = now;
  });

  function report() {
    if (!lessonId) { return; }
    var stallNow = stallStart === null ? 0 : (Date.now() - stallStart) / 1000;
    if (stallStart !== null) { stallStart = Date.now(); }
    var body = { lessonId: lessonId, playedSeconds: played, stalledSeconds: stalled + stallNow };
    if (pendingErrors.length) { body.error = pendingErrors.join(', ').slice(0, 200); }
    played = 0; stalled = 0; pendingErrors = [];
    fetch('/api/v1/player', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body) }).catch(function () { /* the box is restarting: the next report counts on */ });
  }

  function countdown(lesson) {
    stop();
    lessonId = null;
    var left = Math.max(0, (Date.parse(lesson.start) - Date.now()) / 1000);
    var m = Math.floor(left / 60), s = Math.floor(left % 60);
    document.getElementById('countdown').hidden = false;
    text('countdown-title', lesson.title + ' starts in');
    text('countdown-time', m + ':' + (s < 10 ? '0' : '') + s);
  }

  // The lesson has begun but the box lists no segment yet (its delay behind live has not passed).
  function starting(lesson) {
    document.getElementById('countdown').hidden = false;
    text('countdown-title', lesson.title + ' is starting');
    text('countdown-time', '\u2026');
  }

  function show(status, lessons) {
    // The satellite link carries the lesson too: the box says "online" only while both get through.
    var up = status.link === 'online';
    text('link', up ? 'link up' : 'link down' + (status.lesson ? ' \u00b7 playing from buffer' : ''), up);
    text('buffered', 'buffered ' + seconds(status.secondsBuffered), (status.secondsBuffered || 0) >= 10);
    text('delay', 'delay ' + seconds(status.delaySeconds));
    document.getElementById('privacy').hidden = !status.privacy;
    text('next', status.nextLesson ? 'next: ' + status.nextLesson.title + ' '
        + new Date(status.nextLesson.start).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');
    if (status.lesson) {
      text('lesson', status.lesson.title);
      if (source !== status.lesson.live) { starting(status.lesson); }
      play(status.lesson.live, status.lesson.id);
    } else if (status.nextLesson && Date.parse(status.nextLesson.start) - Date.now() < 3600 * 1000) {
      text('lesson', 'Next lesson');
      countdown(status.nextLesson);
    } else {
      var ended = lessons.filter(function (l) { return Date.parse(l.end) <= Date.now(); });
      var last = ended[ended.length - 1];
      text('lesson', last ? last.title + ' (replay)' : 'No lesson');
      if (last) { play(last.vod, last.id); } else { stop(); }
    }
  }

  function poll() {
    Promise.all([fetch('/api/v1/status').then(function (r) { return r.json(); }),
                 fetch('/api/v1/lessons').then(function (r) { return r.json(); })])
      .then(function (answers) { show(answers[0], answers[1]); })
      .catch(function () { text('link', 'box not answering', false); })
      .then(function () { setTimeout(poll, STATUS_EVERY_MS); });
  }

  setInterval(report, REPORT_EVERY_MS);
  poll();
}());
