/** A tablist (WAI-ARIA tabs pattern): click or arrow keys, Home and End choose a tab and show its panel. */

export class Tabs {
  /** `onShow(tab)` hears each tab shown. */
  constructor(tablist, onShow = () => {}) {
    this.tabs = [...tablist.querySelectorAll('[role="tab"]')];
    this.onShow = onShow;
    for (const tab of this.tabs) tab.addEventListener("click", () => this.show(tab));
    tablist.addEventListener("keydown", (event) => {
      const index = this.tabs.indexOf(document.activeElement);
      if (index < 0) return;
      const last = this.tabs.length - 1;
      const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      this.show(this.tabs[next]);
      this.tabs[next].focus();
    });
  }

  show(chosen) {
    for (const tab of this.tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    this.onShow(chosen);
  }
}
