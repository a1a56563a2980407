/*
 * briefwright report: Paged.js set-up. Loaded before paged.polyfill.js. It
 *  - numbers each footnote call like its note and links call and note both ways,
 *  - repeats a table's header row on every page the table continues on,
 *  - replaces Paged.js's random note ids with stable ones (reproducible PDFs),
 *  - sets window.briefwrightLayout when pagination is done.
 */
(() => {
  "use strict";

  function stripRefs(element) {
    element.removeAttribute("data-ref");
    for (const child of element.querySelectorAll("[data-ref]")) child.removeAttribute("data-ref");
  }

  // ---- Widows, orphans and stranded headings. Paged.js breaks a paragraph anywhere and may end
  // a page on a heading; this moves the break so that at least two lines of a paragraph or list
  // item stay on each side, and no heading ends a page. Paged.js lays out the overflow in a
  // column to the right, so "on this page" means left of and above the page box's edges.

  const HEADING = /^H[1-6]$/;

  /** A heading, or a paragraph that is nothing but bold text (a run-in heading). */
  function isHeadingLike(element) {
    if (HEADING.test(element.tagName)) return true;
    if (element.tagName !== "P" || element.children.length !== 1) return false;
    const only = element.children[0];
    return only.tagName === "STRONG" && only.textContent.trim() === element.textContent.trim();
  }

  /** Distinct line tops of `element`'s text: those on this page, and the number of others. */
  function lineSplit(element, onPage) {
    const kept = [];
    const moved = [];
    const add = (list, top) => {
      if (!list.some((t) => Math.abs(t - top) <= 2)) list.push(top);
    };
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Raised note calls sit higher than their line: they do not make a line of their own.
      if (!node.textContent.trim() || node.parentElement.closest("[data-footnote-call], [data-note], .footnote, sup, sub")) {
        continue;
      }
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue;
        add(onPage(rect) ? kept : moved, Math.round(rect.top));
      }
    }
    return { kept: kept.sort((a, b) => a - b), moved: moved.length };
  }

  /** Line count of an element's text (for the layout report). */
  function lineTops(element) {
    return lineSplit(element, () => true).kept;
  }

  /** Orders text positions: lines on this page by their top, everything off the page last. */
  function lineKey(node, offset, onPage) {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, Math.min(offset + 1, node.length));
    const rect = range.getClientRects()[0];
    if (!rect) return Number.NEGATIVE_INFINITY;
    return onPage(rect) ? Math.round(rect.top) : Number.POSITIVE_INFINITY;
  }

  /** The first text position in `element` on the line whose top is `top`. */
  function positionAtLine(element, top, onPage) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.length || lineKey(node, node.length - 1, onPage) < top - 2) continue;
      let lo = 0;
      let hi = node.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lineKey(node, mid, onPage) >= top - 2) hi = mid;
        else lo = mid + 1;
      }
      return { node, offset: lo };
    }
    return undefined;
  }

  function isFirstOnPage(element, rendered) {
    for (let node = element; node && node !== rendered; node = node.parentElement) {
      let sibling = node.previousSibling;
      while (sibling && sibling.nodeType === 3 && !sibling.textContent.trim()) {
        sibling = sibling.previousSibling;
      }
      if (sibling) return false;
    }
    return true;
  }

  /** The element that ends the page if the page breaks at `range`'s start (if any). */
  function elementBefore(range, rendered) {
    let node;
    const container = range.startContainer;
    if (container.nodeType === 3) {
      if (container.textContent.slice(0, range.startOffset).trim()) return undefined;
      node = container;
    } else {
      node = container.childNodes[range.startOffset];
      if (!node) {
        let last = container.lastChild;
        while (last && last.nodeType === 3 && !last.textContent.trim()) last = last.previousSibling;
        return last && last.nodeType === 1 ? last : undefined;
      }
    }
    while (node && node !== rendered) {
      let sibling = node.previousSibling;
      while (sibling && sibling.nodeType === 3 && !sibling.textContent.trim()) {
        sibling = sibling.previousSibling;
      }
      if (sibling) return sibling.nodeType === 1 ? sibling : undefined;
      node = node.parentNode;
    }
    return undefined;
  }

  function keepLinesTogether(overflow, rendered, bounds, layout) {
    if (!overflow || !overflow.startContainer || !bounds || !rendered) return undefined;
    const end = Math.round(bounds.right + ((layout && layout.gap) || 0));
    const vEnd = Math.round(bounds.bottom);
    const onPage = (rect) => Math.round(rect.left) < end && Math.round(rect.top) < vEnd;
    let changed = false;

    const start = overflow.startContainer;
    const host = start.nodeType === 3 ? start.parentElement : start;
    const block = host && host.closest ? host.closest("p, li") : null;
    if (block && rendered.contains(block) && !block.closest("table, .footnote")) {
      const { kept, moved } = lineSplit(block, onPage);
      if (kept.length > 0 && moved > 0 && (kept.length < 2 || moved < 2)) {
        let fixed = false;
        if (kept.length >= 3 && moved === 1) {
          // A widow: carry one more line over.
          const position = positionAtLine(block, kept[kept.length - 1], onPage);
          if (position) {
            overflow.setStart(position.node, position.offset);
            fixed = true;
          }
        }
        if (!fixed && !isFirstOnPage(block, rendered)) overflow.setStartBefore(block); // an orphan
        changed = true;
      }
    }

    for (let guard = 0; guard < 6; guard++) {
      const previous = elementBefore(overflow, rendered);
      if (!previous || !isHeadingLike(previous) || isFirstOnPage(previous, rendered)) break;
      overflow.setStartBefore(previous);
      changed = true;
    }
    return changed ? overflow : undefined;
  }

  function defineHandlers(Paged) {
    class WidowsAndOrphans extends Paged.Handler {
      onOverflow(overflow, rendered, bounds, layout) {
        return keepLinesTogether(overflow, rendered, bounds, layout);
      }
    }

    class NoteCalls extends Paged.Handler {
      renderNode(node) {
        if (!node || node.nodeType !== 1) return;
        const area = node.closest(".pagedjs_area");
        if (!area) return;
        for (const call of area.querySelectorAll("a[data-footnote-call]:not([data-n])")) {
          const ref = call.dataset.footnoteCall;
          const note = area.querySelector(`[data-note="footnote"][data-ref="${ref}"]`);
          if (!note || !note.dataset.n) continue;
          const n = note.dataset.n;
          call.dataset.n = n;
          call.id = `fnref-${n}`;
          call.textContent = n;
          call.setAttribute("aria-label", `Note ${n}`);
        }
      }
    }

    class RepeatTableHeaders extends Paged.Handler {
      renderNode(clone, source) {
        // A body row placed in a table fragment that has no header: the table continues here.
        if (!clone || clone.nodeType !== 1 || clone.tagName !== "TR") return;
        if (!source || !source.parentElement || source.parentElement.tagName !== "TBODY") return;
        const table = clone.closest("table");
        if (!table || table.querySelector(":scope > thead")) return;
        const head = source.closest("table")?.querySelector(":scope > thead");
        if (!head) return;
        const copy = head.cloneNode(true);
        stripRefs(copy);
        copy.dataset.repeated = "true";
        table.insertBefore(copy, table.firstChild);
      }
    }

    return [NoteCalls, RepeatTableHeaders, WidowsAndOrphans];
  }

  function stabiliseIds() {
    const notes = [];
    for (const note of document.querySelectorAll('.pagedjs_pages [data-note="footnote"]')) {
      const n = note.dataset.n;
      if (!n) continue;
      note.id = `fn-${n}`;
      notes.push(note);
    }
    for (const call of document.querySelectorAll(".pagedjs_pages a[data-footnote-call]")) {
      if (call.dataset.n) call.setAttribute("href", `#fn-${call.dataset.n}`);
    }
    return notes;
  }

  function pageOf(element) {
    const page = element.closest(".pagedjs_page");
    return page ? Number(page.dataset.pageNumber) : 0;
  }

  function report() {
    const notes = stabiliseIds();
    const calls = Array.from(document.querySelectorAll(".pagedjs_pages a[data-footnote-call]"));
    return {
      pages: document.querySelectorAll(".pagedjs_pages .pagedjs_page").length,
      notes: notes.map((note) => {
        const call = calls.find((c) => c.dataset.n === note.dataset.n);
        return {
          n: Number(note.dataset.n),
          notePage: pageOf(note),
          callPage: call ? pageOf(call) : 0,
          callText: call ? call.textContent : "",
        };
      }),
      headings: Array.from(document.querySelectorAll(".pagedjs_pages h2[id], .pagedjs_pages h3[id]"))
        .filter((h) => !h.closest(".toc"))
        .map((h) => ({ id: h.id, page: pageOf(h), text: h.textContent.trim() })),
      repeatedHeaders: document.querySelectorAll('.pagedjs_pages thead[data-repeated="true"]').length,
      splitRows: document.querySelectorAll(
        ".pagedjs_pages tr[data-split-to], .pagedjs_pages tr[data-split-from]",
      ).length,
      shortFragments: Array.from(
        document.querySelectorAll(
          ".pagedjs_page_content p[data-split-to], .pagedjs_page_content p[data-split-from], .pagedjs_page_content li[data-split-to], .pagedjs_page_content li[data-split-from]",
        ),
      )
        .map((el) => ({ page: pageOf(el), lines: lineTops(el).length, text: el.textContent.slice(0, 40) }))
        .filter((f) => f.lines < 2),
      headingsAtPageEnd: Array.from(
        document.querySelectorAll(
          ".pagedjs_page_content h2, .pagedjs_page_content h3, .pagedjs_page_content h4, .pagedjs_page_content p",
        ),
      )
        .filter((h) => isHeadingLike(h))
        .filter((h) => {
          for (let node = h; node && !node.classList.contains("pagedjs_page_content"); node = node.parentElement) {
            if (node.nextElementSibling) return false;
          }
          return true;
        })
        .map((h) => h.textContent.trim()),
    };
  }

  // A failure inside Paged.js (e.g. a stylesheet it cannot fetch) must end the wait at once.
  window.addEventListener("unhandledrejection", (event) => {
    if (window.briefwrightLayout) return;
    const reason = event.reason;
    let message = String(reason);
    if (reason instanceof Error) message = reason.message;
    else if (reason && typeof reason.type === "string") {
      message = `a resource could not be loaded (${reason.type})`;
    }
    window.briefwrightLayout = { error: message };
  });

  window.PagedConfig = {
    auto: true,
    before: () => {
      window.Paged.registerHandlers(...defineHandlers(window.Paged));
    },
    after: async () => {
      await document.fonts.ready;
      window.briefwrightLayout = report();
    },
  };
})();
