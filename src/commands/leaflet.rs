//! `carepost leaflet`: writes the printable patient leaflet and says where.

use crate::cli::leaflet::LeafletArgs;
use crate::ui::Output;
use carepost::contacts::Delivery;
use carepost::leaflet::{self, Request};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: LeafletArgs, out: &Output) -> Result<(), Error> {
    let remembered = args.practice.is_some() || args.reach.is_some();
    let request = Request {
        output: args.output,
        contact: args.contact,
        patient_name: args.name,
        practice: args.practice,
        reach: args.reach,
    };
    let made = leaflet::make(ctx, &request)?;
    out.result(&made, |w| {
        writeln!(w, "{}", tr!("leaflet-written", path = Safe(made.output.display().to_string()).to_string()))?;
        if let Some(delivery) = made.delivery {
            let how = match delivery {
                Delivery::Key => tr!("leaflet-delivery-key"),
                Delivery::Password => tr!("leaflet-delivery-password"),
            };
            writeln!(w, "{}", tr!("leaflet-written-for", delivery = how))?;
        }
        if remembered {
            writeln!(w, "{}", tr!("leaflet-remembered"))?;
        }
        Ok(())
    })
}
