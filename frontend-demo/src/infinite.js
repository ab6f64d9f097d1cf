/**
 * Infinite scroll for a cursor connection: an IntersectionObserver on a sentinel (a "Load more"
 * button, which keyboards and screen readers can use too) asks for the next page whenever it is
 * in view, until `hasNextPage` is false.
 */

// Start loading a little before the sentinel scrolls into view.
const AHEAD = "300px";

export class InfiniteList {
  /**
   * `loadPage(after)` fetches one page and returns the connection (`pageInfo` is read from it);
   * `onPage(page, first)` absorbs it, `first` true for a fresh start; `onError(error)` hears failures.
   */
  constructor(sentinel, { loadPage, onPage, onError }) {
    this.sentinel = sentinel;
    this.loadPage = loadPage;
    this.onPage = onPage;
    this.onError = onError;
    this.endCursor = null;
    this.hasNextPage = false;
    this.loading = null;
    this.generation = 0;
    this.visible = false;
    sentinel.addEventListener("click", () => this.more());
    this.observer = new IntersectionObserver((entries) => {
      this.visible = entries.some((entry) => entry.isIntersecting);
      if (this.visible) this.more();
    }, { rootMargin: AHEAD });
    this.observer.observe(sentinel);
  }

  /** Starts again from the first page (a new filter, a reconnect). */
  async restart() {
    const generation = ++this.generation;
    this.loading = null;
    this.sentinel.disabled = false;
    try {
      const page = await this.loadPage(null);
      // A slower answer to an older request must not replace the newer one.
      if (generation !== this.generation) return;
      this.absorb(page, true);
    } catch (error) {
      if (generation === this.generation) this.onError(error);
    }
  }

  /** Loads the next page, once at a time. */
  more() {
    if (!this.hasNextPage || this.loading) return this.loading;
    const generation = this.generation;
    this.sentinel.disabled = true;
    this.loading = this.loadPage(this.endCursor).then(
      (page) => generation === this.generation && this.absorb(page, false),
      (error) => generation === this.generation && this.onError(error),
    ).finally(() => {
      if (generation !== this.generation) return;
      this.loading = null;
      this.sentinel.disabled = false;
      this.recheck();
    });
    return this.loading;
  }

  absorb(page, first) {
    this.endCursor = page.pageInfo.endCursor;
    this.hasNextPage = page.pageInfo.hasNextPage;
    this.sentinel.hidden = !this.hasNextPage;
    this.onPage(page, first);
    this.recheck();
  }

  /** Observing again reports whether the sentinel is still in view: a short page leaves it there. */
  recheck() {
    this.observer.unobserve(this.sentinel);
    if (this.hasNextPage) this.observer.observe(this.sentinel);
  }
}
