// The page script of the Quy chế UI, given to gradio through its `head` parameter.
// Nothing here talks to any server but this page's own (through gradio's events):
// conversations are kept in localStorage; copying uses the clipboard.
(function () {
  "use strict";
  document.documentElement.lang = "vi"; // the page is Vietnamese: no offer to translate it

  var KEY = "quyche.conversations.v1";
  var pendingRef = "";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // --- clipboard ------------------------------------------------------------------------
  function copyText(text, button, label) {
    var done = function () {
      if (!button) { return; }
      button.textContent = "Đã chép";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    var fallback = function () {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* nothing to copy with */ }
      document.body.removeChild(area);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  // An answer as plain text: the answer first, then each citation and its quote.
  function answerText(answer) {
    var main = $(".qc-main", answer);
    var lines = [main ? main.innerText.trim() : ""];
    var numeric = $(".qc-numeric", answer);
    if (numeric) { lines.push(numeric.innerText.trim()); }
    $$(".qc-cite", answer).forEach(function (card) {
      var n = $(".qc-cite-n", card), cite = $(".qc-citeas-text", card), quote = $(".qc-quote", card);
      lines.push((n ? n.textContent + " " : "") + (cite ? cite.textContent.trim() : ""));
      if (quote) { lines.push("“" + quote.textContent.trim() + "”"); }
    });
    return lines.filter(Boolean).join("\n");
  }

  // --- the reading pane -------------------------------------------------------------------
  function openPlace(link) {
    var holder = link.closest(".qc-cite, td, li, .qc-cite-loc") || link.parentElement;
    var quote = "";
    var card = link.closest(".qc-cite");
    if (card && $(".qc-quote", card)) { quote = $(".qc-quote", card).textContent; }
    else if (holder && $(".qc-q", holder)) { quote = $(".qc-q", holder).textContent; }
    pendingRef = JSON.stringify({ href: link.getAttribute("href"), quote: quote });
    var before = $("#qc-reader-text .qc-article");
    var button = document.getElementById("qc-open-btn");
    if (button) { button.click(); }
    showReader(before, quote);
  }
  // Beside the page when the page keeps 520 px between the drawer and the pane (the pane
  // takes 42% of what the drawer leaves, 640 px at most); else over it. The page's right
  // padding is the pane less the margin already right of the page.
  function placeReader() {
    var body = document.body;
    if (!body.classList.contains("qc-reading")) { return; }
    var side = $(".sidebar.open");
    var drawer = side ? Math.max(side.getBoundingClientRect().right, 0) : 0;
    var page = $(".contain");
    var box = page ? page.getBoundingClientRect() : { left: drawer, right: window.innerWidth };
    var pane = Math.round(Math.min((window.innerWidth - drawer) * 0.42, 640));
    var beside = window.innerWidth - Math.max(box.left, drawer) - pane >= 520;
    body.classList.toggle("qc-beside", beside);
    if (beside) {
      body.style.setProperty("--qc-pane", pane + "px");
      body.style.setProperty("--qc-pad", Math.max(pane - (window.innerWidth - box.right), 0) + "px");
    } else {
      body.style.removeProperty("--qc-pane");
      body.style.removeProperty("--qc-pad");
    }
  }
  window.addEventListener("resize", placeReader);
  // Open the pane, then scroll the marked quote into view once the new article is in.
  function showReader(before, quote) {
    document.body.classList.add("qc-reading");
    placeReader();
    var pane = document.getElementById("qc-reader");
    if (pane) { pane.classList.add("qc-shown"); }
    var tries = 0;
    (function scroll() {
      var article = $("#qc-reader-text .qc-article");
      var mark = $("#qc-reader mark");
      var fresh = article && (article !== before || tries > 30);
      if (fresh && (mark || !quote || tries > 30)) {
        (mark || article).scrollIntoView({ block: "center" });
        return;
      }
      if (tries++ < 60) { setTimeout(scroll, 50); }
    })();
  }
  window.qcTakeRef = function () { return pendingRef; };
  window.qcShowReader = function () { showReader(null, ""); };
  window.qcHideReader = function () {
    document.body.classList.remove("qc-reading", "qc-beside");
    document.body.style.removeProperty("--qc-pane");
    document.body.style.removeProperty("--qc-pad");
    var pane = document.getElementById("qc-reader");
    if (pane) { pane.classList.remove("qc-shown"); }
  };

  // --- asking -------------------------------------------------------------------------------
  function ask(question) {
    var box = $("#qc-question textarea");
    if (!box) { return; }
    box.value = question;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(function () { var send = $("#qc-send"); if (send) { send.click(); } }, 30);
  }

  // Each new answer: its first line in view, not the end of its cards.
  function scrollToLastAnswer() {
    var tries = 0;
    (function scroll() {
      var answers = $$("#qc-chat .qc-answer");
      var last = answers[answers.length - 1];
      if (last) { last.scrollIntoView({ block: "start" }); return; }
      if (tries++ < 20) { setTimeout(scroll, 50); }
    })();
  }

  // --- conversations in localStorage -----------------------------------------------------
  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "{}");
      return { current: data.current || "", items: Array.isArray(data.items) ? data.items : [] };
    } catch (e) { return { current: "", items: [] }; }
  }
  function store(data) { localStorage.setItem(KEY, JSON.stringify(data)); renderList(); }
  function find(data, id) { return data.items.filter(function (c) { return c.id === id; })[0]; }
  function titleOf(stored) {
    var turns = stored.turns || [];
    var first = turns.filter(function (t) { return t.role === "user"; })[0];
    return first ? first.content.slice(0, 120) : "";
  }

  var conv = {
    currentJson: function () {
      var data = load(), item = find(data, data.current);
      return item ? JSON.stringify(item.stored) : "";
    },
    startNew: function () { var data = load(); data.current = ""; store(data); return ""; },
    open: function (id) {
      var data = load(); data.current = id; store(data);
      var button = document.getElementById("qc-restore-btn");
      if (button) { button.click(); }
    },
    remove: function (id) {
      var data = load();
      data.items = data.items.filter(function (c) { return c.id !== id; });
      var wasCurrent = data.current === id;
      if (wasCurrent) { data.current = ""; }
      store(data);
      if (wasCurrent) { conv.open(""); }
    },
    exportMarkdown: function (id) {
      var item = find(load(), id);
      if (!item) { return; }
      var text = "# " + (item.title || "Hội thoại") + "\n\n" +
        "_Xuất từ Quy chế — trợ lý tra cứu quy chế làm việc, " +
        new Date(item.updated).toLocaleString("vi-VN") + "_\n\n" +
        (item.stored.markdown || []).join("\n");
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
      link.download = "hoi-thoai-" + new Date(item.updated).toISOString().slice(0, 10) + ".md";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }
  };
  window.qcConv = conv;

  window.qcSaved = function (json) {
    var stored;
    try { stored = JSON.parse(json || "{}"); } catch (e) { return; }
    if (!stored.turns || !stored.turns.length) { scrollToLastAnswer(); return; }
    var data = load(), item = find(data, data.current);
    if (!item) {
      item = { id: "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6) };
      data.items.unshift(item);
      data.current = item.id;
    }
    item.stored = stored;
    item.title = titleOf(stored);
    item.updated = Date.now();
    store(data);
    scrollToLastAnswer();
  };

  function renderList() {
    var list = $("#qc-convs .qc-conv-list");
    if (!list) { return; }
    var data = load();
    list.textContent = "";
    data.items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "qc-conv-item" + (item.id === data.current ? " qc-conv-current" : "");
      var open = document.createElement("button");
      open.type = "button"; open.className = "qc-conv-open"; open.textContent = item.title || "(không tên)";
      open.title = item.title || "";
      open.addEventListener("click", function () { conv.open(item.id); });
      var out = document.createElement("button");
      out.type = "button"; out.className = "qc-conv-export"; out.textContent = "Tải .md";
      out.title = "Tải hội thoại về dạng markdown";
      out.addEventListener("click", function () { conv.exportMarkdown(item.id); });
      var del = document.createElement("button");
      del.type = "button"; del.className = "qc-conv-del"; del.textContent = "Xoá";
      del.title = "Xoá hội thoại này";
      del.addEventListener("click", function () { conv.remove(item.id); });
      li.append(open, out, del);
      list.appendChild(li);
    });
    if (!data.items.length) {
      var none = document.createElement("li");
      none.className = "qc-conv-none"; none.textContent = "Chưa có hội thoại nào.";
      list.appendChild(none);
    }
  }

  // --- gradio's own English words, in Vietnamese -------------------------------------------
  var WORDS = {
    "Error": "Lỗi", "error": "lỗi", "processing": "đang xử lý", "Loading...": "Đang tải…",
    "Clear": "Xoá", "Copy": "Sao chép", "Copied!": "Đã chép", "Copy message": "Sao chép",
    "Close": "Đóng", "Toggle Sidebar": "Ẩn/hiện khung bên", "Open sidebar": "Mở khung bên",
    "Close sidebar": "Đóng khung bên", "Examples": "Ví dụ", "Chatbot": "Hỏi đáp",
    "Show more": "Xem thêm", "More": "Thêm", "Retry": "Thử lại", "Undo": "Hoàn tác",
    "Delete": "Xoá", "Edit": "Sửa", "Share": "Chia sẻ", "Upload": "Tải lên",
    "Connection errored out.": "Mất kết nối tới máy chủ.", "Scroll down": "Cuộn xuống",
    "More tabs": "Các thẻ khác", "chatbot conversation": "Hội thoại", "Submit": "Gửi",
    "Stop": "Dừng", "Remove": "Xoá", "Download": "Tải về", "Dropdown": "Danh sách"
  };
  function translate(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.nodeValue.trim();
      if (text && Object.prototype.hasOwnProperty.call(WORDS, text)) {
        node.nodeValue = node.nodeValue.replace(text, WORDS[text]);
      } else if (/^processing( \|)?/.test(text)) {
        node.nodeValue = node.nodeValue.replace("processing", "đang xử lý");
      }
    }
    $$("[aria-label], [title]", root.nodeType === 1 ? root : document.body).forEach(function (el) {
      ["aria-label", "title"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value && Object.prototype.hasOwnProperty.call(WORDS, value)) {
          el.setAttribute(name, WORDS[value]);
        }
      });
    });
  }

  // --- one listener for every click the page's HTML needs ---------------------------------
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    if (!target) { return; }
    var button = target.closest(".qc-copy");
    if (button) {
      event.preventDefault();
      var box = button.closest(".qc-citeas");
      var shown = box ? $(".qc-citeas-text", box) : null;
      var text = button.getAttribute("data-cite") || (shown ? shown.textContent.trim() : "");
      if (text) { copyText(text, button, "Sao chép"); } else { button.textContent = "Không chép được"; }
      return;
    }
    var whole = target.closest(".qc-copy-msg");
    if (whole) {
      event.preventDefault();
      copyText(answerText(whole.closest(".qc-answer")), whole, "Sao chép câu trả lời");
      return;
    }
    var link = target.closest("a.qc-open");
    if (link) { event.preventDefault(); event.stopPropagation(); openPlace(link); return; }
    var ref = target.closest("a.qc-ref");
    if (ref) {
      event.preventDefault();
      var n = parseInt(ref.textContent.replace(/\D/g, ""), 10);
      var answer = ref.closest(".qc-answer");
      var card = answer ? $$(".qc-cite", answer)[n - 1] : null;
      var place = card ? $("a.qc-open", card) : null;
      if (card) { card.open = true; }
      if (place) { openPlace(place); }
      return;
    }
    if (target.closest(".toggle-button")) { setTimeout(placeReader, 450); } // the drawer moved
    var chip = target.closest(".qc-chip");
    if (chip) { event.preventDefault(); ask(chip.textContent.trim()); return; }
    if (target.closest(".qc-conv-new")) {
      var fresh = document.getElementById("qc-new");
      if (fresh) { fresh.click(); }
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.body.classList.contains("qc-reading")) {
      window.qcHideReader();
    }
  });

  // --- once the page is there ---------------------------------------------------------------
  function closeSidebarOnPhone() {
    if (window.innerWidth > 720) { return; }
    var sidebar = $(".sidebar.open");
    var toggle = sidebar ? $(".toggle-button", sidebar.parentElement) || $(".toggle-button") : null;
    if (sidebar && toggle) { toggle.click(); }
  }
  var started = false;
  var observer = new MutationObserver(function (records) {
    if (!started && $("#qc-convs .qc-conv-list")) {
      started = true;
      renderList();
      closeSidebarOnPhone();
    }
    records.forEach(function (r) {
      r.addedNodes.forEach(function (node) { if (node.nodeType === 1 || node.nodeType === 3) { translate(node.nodeType === 1 ? node : node.parentNode || document.body); } });
      if (r.type === "characterData" && r.target.parentNode) { translate(r.target.parentNode); }
    });
  });
  // a phone's page: thin margins (quyche.css, body.qc-narrow)
  function markNarrow() { document.body.classList.toggle("qc-narrow", window.innerWidth <= 720); }
  window.addEventListener("resize", function () { if (document.body) { markNarrow(); } });
  function watch() {
    markNarrow();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  if (document.body) { watch(); } else { document.addEventListener("DOMContentLoaded", watch); }
})();
