/** The texture slots of a scene material, and the textures of READY assets on offer to fill them. */

export const TEXTURE_SLOTS = {
  baseColorTexture: "Base colour texture",
  metallicRoughnessTexture: "Metal/rough map",
  normalTexture: "Normal map",
  occlusionTexture: "Occlusion map",
  emissiveTexture: "Emissive texture",
};

/** The select value of a texture reference, "assetId#index"; "" for none. */
export function textureKey(reference) {
  return reference?.asset ? `${reference.asset.id}#${reference.textureIndex}` : "";
}

/** Value to label: every texture of the `library`'s assets, and those `material` holds already. */
export function textureOptions(library, material) {
  const options = new Map();
  for (const asset of library) {
    for (let index = 0; index < (asset.stats?.textureCount ?? 0); index += 1) options.set(`${asset.id}#${index}`, `${asset.name} · texture ${index}`);
  }
  for (const slot of Object.keys(TEXTURE_SLOTS)) {
    const reference = material[slot];
    if (reference?.asset) options.set(textureKey(reference), `${reference.asset.name} · texture ${reference.textureIndex}`);
  }
  return options;
}

/** The TextureReferenceInput of a reference read from the scene (to set it back); null for none. */
export function referenceInput(reference) {
  if (!reference?.asset) return null;
  const { textureIndex, texCoord, scale, assetVersion } = reference;
  return { assetId: reference.asset.id, textureIndex, texCoord, scale, assetVersion };
}

/** The TextureReferenceInput a select value stands for; null (the texture removed) for "". */
export function textureInput(key) {
  if (!key) return null;
  const split = key.lastIndexOf("#");
  return { assetId: key.slice(0, split), textureIndex: Number(key.slice(split + 1)) };
}
