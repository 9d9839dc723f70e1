// The web chat's composer: the text box (Enter sends), the start button, a file to attach and the location.

/** Wires the composer's controls to the outbox; `log` shows the notes (empty text, location refused). */
function wireComposer(S, $, log, outbox) {
  const form = $('composer');
  const input = $('input');
  const fileInput = $('file');
  const attachBtn = $('attach');
  const locBtn = $('location');
  const startBtn = $('start');

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 140) + 'px';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (outbox.isBusy()) return;
    if (!text) {
      log.note(S['web.empty']);
      input.focus();
      return;
    }
    input.value = '';
    autosize();
    outbox.send({ text: text }, text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (typeof form.requestSubmit === 'function') form.requestSubmit();
      else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  input.addEventListener('input', autosize);

  startBtn.addEventListener('click', () => {
    outbox.send({ text: S['web.start_text'] }, S['web.start']);
  });

  attachBtn.addEventListener('click', () => {
    fileInput.click();
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      const base64 = url.slice(url.indexOf(',') + 1);
      const mime = file.type || 'application/octet-stream';
      const preview = mime.indexOf('image/') === 0 ? URL.createObjectURL(file) : null;
      const shown = translate(S, 'web.attached', { name: file.name });
      outbox.send({ media: { filename: file.name, mime: mime, base64: base64 } }, shown, preview);
    };
    reader.onerror = () => {
      log.note(S['web.send_failed']);
    };
    reader.readAsDataURL(file);
  });

  locBtn.addEventListener('click', () => {
    if (!navigator.geolocation) {
      log.note(S['web.location_denied']);
      return;
    }
    locBtn.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        locBtn.disabled = outbox.isBusy();
        outbox.send(
          { location: { lat: pos.coords.latitude, lon: pos.coords.longitude } },
          S['web.location_sent'],
        );
      },
      () => {
        locBtn.disabled = outbox.isBusy();
        log.note(S['web.location_denied']);
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  });
}
