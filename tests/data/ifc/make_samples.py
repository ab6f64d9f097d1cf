"""Write the IFC samples of tests/data/ifc with ifcopenshell.api: `python -m
tests.data.ifc.make_samples` rewrites them.

`house.ifc` (IFC4), `house_ifc2x3.ifc` (IFC2X3) and `house_ifc4x3.ifc` (IFC4X3_ADD2), all in
millimetres, hold the same building: a site, a building and two storeys (the upper one 3 m up);
on the ground floor two extruded walls (one with a red surface style, `Pset_WallCommon` and a
window opening cut through it) and a slab (grey, 50 % transparent); on the upper floor a wall;
and a proxy element with no representation, which draws nothing. GlobalIds are fixed so tests
can name them.
"""

from __future__ import annotations

from pathlib import Path

import ifcopenshell
import ifcopenshell.api
import numpy as np

FOLDER = Path(__file__).resolve().parent
SAMPLES = {"house.ifc": "IFC4", "house_ifc2x3.ifc": "IFC2X3", "house_ifc4x3.ifc": "IFC4X3"}
GLOBAL_IDS = {
    "Wall South": "0WallSouth000000000001",
    "Wall East": "0WallEast0000000000002",
    "Ground Slab": "0GroundSlab00000000003",
    "Wall Upper": "0WallUpper000000000004",
    "Marker": "0Marker000000000000005",
    "Window": "0Window000000000000006",
}
NOT_DRAWN = ("Marker", "Window")


def build(schema: str) -> ifcopenshell.file:
    api = ifcopenshell.api.run
    model = api("project.create_file", version=schema)
    # IFC2X3 requires an owner history on every rooted entity: the API's default settings
    # find this application and user in the file.
    api("owner.add_application", model)
    person = api("owner.add_person", model, identification="ATELIER", family_name="Tests")
    organisation = api("owner.add_organisation", model, identification="ATELIER",
                       name="Atelier")
    api("owner.add_person_and_organisation", model, person=person, organisation=organisation)
    project = api("root.create_entity", model, ifc_class="IfcProject", name="Sample House")
    api("unit.assign_unit", model, length={"is_metric": True, "raw": "MILLIMETERS"})
    context = api("context.add_context", model, context_type="Model")
    body = api("context.add_context", model, context_type="Model", context_identifier="Body",
               target_view="MODEL_VIEW", parent=context)
    site = api("root.create_entity", model, ifc_class="IfcSite", name="Site")
    building = api("root.create_entity", model, ifc_class="IfcBuilding", name="House")
    ground = api("root.create_entity", model, ifc_class="IfcBuildingStorey", name="Ground Floor")
    upper = api("root.create_entity", model, ifc_class="IfcBuildingStorey", name="Upper Floor")
    api("aggregate.assign_object", model, products=[site], relating_object=project)
    api("aggregate.assign_object", model, products=[building], relating_object=site)
    api("aggregate.assign_object", model, products=[ground, upper], relating_object=building)
    for spatial in (site, building, ground):
        api("geometry.edit_object_placement", model, product=spatial)
    api("geometry.edit_object_placement", model, product=upper, matrix=_at(0, 0, 3))

    red = _style(model, "Red Brick", (0.8, 0.1, 0.1), 0.0)
    grey = _style(model, "Frosted Concrete", (0.5, 0.5, 0.5), 0.5)

    south = _element(model, "IfcWall" if schema != "IFC2X3" else "IfcWallStandardCase",
                     "Wall South", ground, _at(0, 0, 0), api(
                         "geometry.add_wall_representation", model, context=body,
                         length=4.0, height=3.0, thickness=0.2), red)
    window = api("root.create_entity", model, ifc_class="IfcOpeningElement", name="Window")
    window.GlobalId = GLOBAL_IDS["Window"]
    api("geometry.edit_object_placement", model, product=window, matrix=_at(1.5, -0.1, 1.0))
    api("geometry.assign_representation", model, product=window, representation=api(
        "geometry.add_wall_representation", model, context=body, length=1.0, height=1.2,
        thickness=0.4))
    api("feature.add_feature", model, feature=window, element=south)
    pset = api("pset.add_pset", model, product=south, name="Pset_WallCommon")
    api("pset.edit_pset", model, pset=pset, properties={
        "IsExternal": True, "FireRating": "REI60", "ThermalTransmittance": 0.25})
    _element(model, "IfcWall" if schema != "IFC2X3" else "IfcWallStandardCase", "Wall East",
             ground, _rotated_z(4, 0, 0), api(
                 "geometry.add_wall_representation", model, context=body,
                 length=3.0, height=3.0, thickness=0.2), None)
    _element(model, "IfcSlab", "Ground Slab", ground, _at(0, 0, -0.2), api(
        "geometry.add_slab_representation", model, context=body, depth=0.2,
        polyline=[(0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0)]), grey)
    _element(model, "IfcWall" if schema != "IFC2X3" else "IfcWallStandardCase", "Wall Upper",
             upper, _at(0, 0, 3), api(
                 "geometry.add_wall_representation", model, context=body,
                 length=4.0, height=2.5, thickness=0.2), None)
    marker = api("root.create_entity", model, ifc_class="IfcBuildingElementProxy",
                 name="Marker")
    marker.GlobalId = GLOBAL_IDS["Marker"]
    api("spatial.assign_container", model, products=[marker], relating_structure=ground)
    return model


def _element(model: ifcopenshell.file, ifc_class: str, name: str,
             storey: ifcopenshell.entity_instance, placement: np.ndarray,
             representation: ifcopenshell.entity_instance,
             style: ifcopenshell.entity_instance | None) -> ifcopenshell.entity_instance:
    api = ifcopenshell.api.run
    element = api("root.create_entity", model, ifc_class=ifc_class, name=name)
    element.GlobalId = GLOBAL_IDS[name]
    api("spatial.assign_container", model, products=[element], relating_structure=storey)
    api("geometry.edit_object_placement", model, product=element, matrix=placement)
    api("geometry.assign_representation", model, product=element,
        representation=representation)
    if style is not None:
        api("style.assign_representation_styles", model, shape_representation=representation,
            styles=[style])
    return element


def _style(model: ifcopenshell.file, name: str, colour: tuple[float, float, float],
           transparency: float) -> ifcopenshell.entity_instance:
    api = ifcopenshell.api.run
    style = api("style.add_style", model, name=name)
    red, green, blue = colour
    api("style.add_surface_style", model, style=style, ifc_class="IfcSurfaceStyleRendering",
        attributes={"SurfaceColour": {"Name": None, "Red": red, "Green": green, "Blue": blue},
                    "Transparency": transparency, "ReflectanceMethod": "NOTDEFINED"})
    return style


def _at(x: float, y: float, z: float) -> np.ndarray:
    matrix = np.eye(4)
    matrix[:3, 3] = (x, y, z)
    return matrix


def _rotated_z(x: float, y: float, z: float) -> np.ndarray:
    """A quarter turn about Z at (x, y, z)."""
    matrix = _at(x, y, z)
    matrix[:2, :2] = [[0, -1], [1, 0]]
    return matrix


def main() -> None:
    for name, schema in SAMPLES.items():
        build(schema).write(str(FOLDER / name))


if __name__ == "__main__":
    main()
