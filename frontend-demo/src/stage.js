/** The viewer pane: which model it shows (an asset's normalised GLB or another GLB file), its caption and toolbar. */
import { byId } from "./dom.js";
import { bytes } from "./format.js";
import { Viewer } from "./viewer.js";

export class Stage {
  constructor() {
    this.empty = byId("viewer-empty");
    this.caption = byId("viewer-caption");
    const status = byId("viewer-status");
    this.viewer = new Viewer(byId("viewport"), (text) => {
      status.textContent = text;
      status.hidden = !text;
    });
    this.assetId = null;
    this.render = null;
    this.renderButton = byId("view-render");
    this.renderButton.addEventListener("click", () => this.render?.());
    byId("view-reset").addEventListener("click", () => this.viewer.resetView());
    byId("view-wireframe").addEventListener("change", (event) => this.viewer.setWireframe(event.target.checked));
    byId("view-rotate").addEventListener("change", (event) => this.viewer.setAutoRotate(event.target.checked));
  }

  /**
   * Shows "Render this view" while `submit` (the render of the scene drawn now) is on offer,
   * until another model is loaded here; returns the function that withdraws it.
   */
  offerRender(submit) {
    this.render = submit;
    this.renderButton.hidden = false;
    return () => {
      if (this.render === submit) this.withdrawRender();
    };
  }

  withdrawRender() {
    this.render = null;
    this.renderButton.hidden = true;
  }

  /** The asset's normalised GLB once it is READY; not loaded again while it stays shown. */
  showAsset(asset) {
    if (asset.status !== "READY" || !asset.glbUrl) {
      this.showNothing(asset.status === "FAILED" ? "This asset failed to process: nothing to show." : "The model appears here once it is processed…");
      return;
    }
    if (this.assetId === asset.id) return;
    this.assetId = asset.id;
    this.load(asset.glbUrl, "Normalised GLB");
  }

  /** A GLB file of the asset: the normalised one or a conversion's output. */
  showFile(file) {
    this.assetId = null;
    this.load(file.url, file.role === "GLB" ? "Normalised GLB" : `Converted GLB · ${bytes(file.sizeBytes)}`);
  }

  showNothing(message = "Select an asset to view it in 3D") {
    this.assetId = null;
    this.withdrawRender();
    this.viewer.clear();
    this.caption.hidden = true;
    this.empty.hidden = false;
    this.empty.textContent = message;
  }

  load(url, caption) {
    this.withdrawRender();
    this.empty.hidden = true;
    this.caption.textContent = caption;
    this.caption.hidden = false;
    this.viewer.show(url);
  }
}
